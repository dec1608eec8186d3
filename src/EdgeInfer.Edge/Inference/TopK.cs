using EdgeInfer.Contracts;

namespace EdgeInfer.Edge.Inference;

/// <summary>Top-k classes of a logit vector with softmax probabilities (computed stably: exp(x − max)).</summary>
public static class TopK
{
    /// <summary>The <paramref name="k"/> largest logits, highest first (ties: lower index first), with softmax probabilities.</summary>
    public static IReadOnlyList<ClassScore> Of(ReadOnlySpan<float> logits, int k = 5)
    {
        if (logits.IsEmpty)
        {
            return [];
        }

        var max = double.NegativeInfinity;
        foreach (var x in logits)
        {
            max = Math.Max(max, x);
        }

        var sum = 0.0;
        foreach (var x in logits)
        {
            sum += Math.Exp(x - max);
        }

        k = Math.Min(k, logits.Length);
        var best = new int[k];
        var count = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var position = count;
            while (position > 0 && logits[best[position - 1]] < logits[i])
            {
                position--;
            }

            if (position >= k)
            {
                continue;
            }

            var last = Math.Min(count, k - 1);
            for (var j = last; j > position; j--)
            {
                best[j] = best[j - 1];
            }

            best[position] = i;
            count = Math.Min(count + 1, k);
        }

        var result = new ClassScore[k];
        for (var i = 0; i < k; i++)
        {
            var x = logits[best[i]];
            result[i] = new ClassScore(best[i], Math.Exp(x - max) / sum, x);
        }

        return result;
    }
}
