namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Accuracy of one model variant on a dataset: Top-1 and Top-5 as fractions in [0, 1] of <see cref="Images"/>,
/// at pruning factor <see cref="PruningFactor"/> (0 = unpruned) by <see cref="Method"/>, with the seconds spent.
/// </summary>
public sealed record AccuracyPoint(
    double PruningFactor,
    string Method,
    int Images,
    int Top1Correct,
    int Top5Correct,
    double PruneSeconds,
    double InferenceSeconds)
{
    /// <summary>The evaluated variant's name (<c>full</c>, <c>channel-0.30</c>, …), when the evaluation was given a variant.</summary>
    public string? Variant { get; init; }

    /// <summary>Top-1 accuracy, fraction in [0, 1].</summary>
    public double Top1 => Images == 0 ? 0 : (double)Top1Correct / Images;

    /// <summary>Top-5 accuracy, fraction in [0, 1].</summary>
    public double Top5 => Images == 0 ? 0 : (double)Top5Correct / Images;

    /// <summary>Inference throughput, images per second.</summary>
    public double ImagesPerSecond => InferenceSeconds > 0 ? Images / InferenceSeconds : 0;
}
