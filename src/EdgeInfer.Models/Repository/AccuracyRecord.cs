namespace EdgeInfer.Models.Repository;

/// <summary>
/// Top-1 and Top-5 accuracy of one variant of a trained model: a point of <see cref="ModelAccuracy"/>
/// (<c>accuracy.json</c>) and of the study's accuracy curve.
/// </summary>
/// <param name="Method">Pruning method (<c>global</c>, <c>layer</c>, <c>channel</c>).</param>
/// <param name="PruningFactor">pf in [0, 0.99]; 0 is the unpruned model.</param>
/// <param name="Top1">Top-1 accuracy, fraction in [0, 1].</param>
/// <param name="Top5">Top-5 accuracy, fraction in [0, 1].</param>
/// <param name="Images">Test images evaluated.</param>
public sealed record AccuracyRecord(string Method, double PruningFactor, double Top1, double Top5, int Images);
