namespace EdgeInfer.Study.Measurement;

/// <summary>Top-1 and Top-5 accuracy of one pruned variant of the trained model, measured on <paramref name="Images"/> test images.</summary>
/// <param name="Method">Pruning method.</param>
/// <param name="PruningFactor">pf in [0, 0.99].</param>
/// <param name="Top1">Top-1 accuracy in [0, 1].</param>
/// <param name="Top5">Top-5 accuracy in [0, 1].</param>
/// <param name="Images">Test images evaluated.</param>
public sealed record AccuracyPoint(string Method, double PruningFactor, double Top1, double Top5, int Images);
