using EdgeInfer.Models.Repository;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// Evaluates the trained <paramref name="model"/> pruned with <paramref name="method"/> at
/// <paramref name="pruningFactor"/> on <paramref name="images"/> test images.
/// </summary>
public delegate AccuracyRecord AccuracyEvaluator(string model, string method, double pruningFactor, int images, CancellationToken cancellationToken);
