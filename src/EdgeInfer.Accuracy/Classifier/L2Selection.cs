using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// Chooses the head's L2 weight without looking at the test set: a deterministic stratified hold-out of the training features
/// (every <see cref="HoldOutEvery"/>-th image of each class, in order) scores each candidate; the best Top-1 wins (ties: the
/// smaller weight). The head is then retrained on all training features with that weight.
/// </summary>
public static class L2Selection
{
    /// <summary>One image in this many (per class) is held out for validation.</summary>
    public const int HoldOutEvery = 5;

    /// <summary>Returns the chosen weight and the hold-out Top-1 (fraction) of every candidate.</summary>
    public static (float Best, IReadOnlyDictionary<float, double> HoldOutTop1) Choose(
        float[][] features, int[] labels, int classCount, IReadOnlyList<float> candidates, HeadTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("At least one L2 candidate is needed.", nameof(candidates));
        }

        if (candidates.Count == 1)
        {
            return (candidates[0], new Dictionary<float, double>());
        }

        var seen = new int[classCount];
        var trainIdx = new List<int>();
        var holdIdx = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            (seen[labels[i]]++ % HoldOutEvery == HoldOutEvery - 1 ? holdIdx : trainIdx).Add(i);
        }

        var scores = new Dictionary<float, double>();
        var logits = new float[classCount];
        foreach (var l2 in candidates.Order())
        {
            var head = HeadTrainer.Train(
                trainIdx.Select(i => features[i]).ToArray(), trainIdx.Select(i => labels[i]).ToArray(), classCount, options with { L2Regularization = l2 });
            int hits = 0;
            foreach (var i in holdIdx)
            {
                head.Logits(features[i], logits);
                hits += TopK.RankOf(logits, labels[i]) == 0 ? 1 : 0;
            }

            scores[l2] = (double)hits / holdIdx.Count;
        }

        var best = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        return (best, scores);
    }
}
