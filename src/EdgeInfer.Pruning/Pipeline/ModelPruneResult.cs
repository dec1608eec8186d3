using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>The outcome of <see cref="ModelPruning.PruneModel"/> on a parsed model.</summary>
/// <param name="Select">Time to choose the weights (threshold) or channels (norms) to remove.</param>
/// <param name="Mask">Time to zero the weights, or the channel surgery.</param>
/// <param name="AchievedSparsity">
/// Global/layer: zero weights over prunable weights. Channel: removed channels over the channels of the prunable groups.
/// </param>
public sealed record ModelPruneResult(Seconds Select, Seconds Mask, double AchievedSparsity);
