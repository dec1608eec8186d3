using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// Evaluates the trained <paramref name="model"/> pruned with <paramref name="method"/> at
/// <paramref name="pruningFactor"/> on <paramref name="images"/> test images.
/// </summary>
/// <remarks>At pf 0 nothing is pruned; the record still carries <paramref name="method"/>, as the first point of that method's curve.</remarks>
public delegate AccuracyRecord AccuracyEvaluator(
    string model, PruningMethod method, PruningFactor pruningFactor, int images, CancellationToken cancellationToken);
