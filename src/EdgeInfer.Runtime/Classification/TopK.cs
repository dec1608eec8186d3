namespace EdgeInfer.Runtime.Classification;

/// <summary>
/// Top-k of a classifier's scores (logits or probabilities: the ranking is the same), the one implementation the edge
/// server's answers (<see cref="Of{T}"/>) and the accuracy evaluation (<see cref="RankOf"/>, <see cref="Count"/>) share.
/// Evaluation: an image is top-k correct when fewer than k classes score strictly higher than its true class; ties
/// therefore count in the image's favour, and a NaN score of the true class ranks below all others. Selection: the k
/// largest scores, highest first, ties broken by the lower index.
/// </summary>
public static class TopK
{
    /// <summary>Up to this many indices are selected on the stack by <see cref="Of{T}"/>; larger k use an array.</summary>
    private const int StackIndices = 16;

    /// <summary>The number of classes scoring strictly higher than <paramref name="label"/> (0 = top-1 correct).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is not an index of <paramref name="scores"/>.</exception>
    public static int RankOf(ReadOnlySpan<float> scores, int label)
    {
        if ((uint)label >= (uint)scores.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label must index one of the {scores.Length} scores.");
        }

        float target = scores[label];
        if (float.IsNaN(target))
        {
            return scores.Length - 1;
        }

        int higher = 0;
        foreach (var s in scores)
        {
            if (s > target)
            {
                higher++;
            }
        }

        return higher;
    }

    /// <summary>Whether <paramref name="label"/> is among the top <paramref name="k"/> (≥ 1) of <paramref name="scores"/>.</summary>
    public static bool IsInTopK(ReadOnlySpan<float> scores, int label, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return RankOf(scores, label) < k;
    }

    /// <summary>
    /// Adds to <paramref name="top1"/> and <paramref name="top5"/> the correct counts of a batch of <c>labels.Length</c>
    /// rows of <paramref name="width"/> scores each.
    /// </summary>
    public static void Count(ReadOnlySpan<float> scores, int width, ReadOnlySpan<int> labels, ref int top1, ref int top5)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            int rank = RankOf(scores.Slice(i * width, width), labels[i]);
            if (rank == 0)
            {
                top1++;
            }

            if (rank < 5)
            {
                top5++;
            }
        }
    }

    /// <summary>
    /// Writes the indices of the <c>min(best.Length, scores.Length)</c> largest <paramref name="scores"/> into
    /// <paramref name="best"/>, highest first (ties: lower index first), and returns how many it wrote. Allocates nothing.
    /// </summary>
    public static int Largest(ReadOnlySpan<float> scores, Span<int> best)
    {
        var k = Math.Min(best.Length, scores.Length);
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var position = count;
            while (position > 0 && scores[best[position - 1]] < scores[i])
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

        return count;
    }

    /// <summary>
    /// The <paramref name="k"/> (≥ 0) largest logits, highest first (ties: lower index first), each made by
    /// <paramref name="score"/> from its class index, softmax probability (computed stably: exp(x − max)) and logit;
    /// the edge server makes its answer's <c>Contracts.ClassScore</c>s so. Allocates only the result (pass a static lambda).
    /// </summary>
    public static T[] Of<T>(ReadOnlySpan<float> logits, int k, Func<int, double, double, T> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
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
        Span<int> best = k <= StackIndices ? stackalloc int[StackIndices] : new int[k];
        best = best[..Largest(logits, best[..k])];
        var result = new T[best.Length];
        for (var i = 0; i < best.Length; i++)
        {
            var x = logits[best[i]];
            result[i] = score(best[i], Math.Exp(x - max) / sum, x);
        }

        return result;
    }
}
