namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Top-k correctness from logits (or probabilities: the ranking is the same). An image is top-k correct when fewer than k
/// classes score strictly higher than its true class; ties therefore count in the image's favour. NaN scores rank below all others.
/// </summary>
public static class TopK
{
    /// <summary>The number of classes scoring strictly higher than <paramref name="label"/> (0 = top-1 correct).</summary>
    public static int RankOf(ReadOnlySpan<float> scores, int label)
    {
        if ((uint)label >= (uint)scores.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label must index one of the {scores.Length} scores.");
        }

        var target = scores[label];
        if (float.IsNaN(target))
        {
            return scores.Length - 1;
        }

        var higher = 0;
        foreach (var s in scores)
        {
            if (s > target)
            {
                higher++;
            }
        }

        return higher;
    }

    /// <summary>Whether <paramref name="label"/> is among the top <paramref name="k"/> of <paramref name="scores"/>.</summary>
    public static bool IsInTopK(ReadOnlySpan<float> scores, int label, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return RankOf(scores, label) < k;
    }

    /// <summary>Adds to <paramref name="top1"/> and <paramref name="top5"/> the correct counts of a batch of <c>labels.Length</c> rows of <paramref name="width"/> scores.</summary>
    public static void Count(ReadOnlySpan<float> scores, int width, ReadOnlySpan<int> labels, ref int top1, ref int top5)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            var rank = RankOf(scores.Slice(i * width, width), labels[i]);
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
}
