using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Study.Running;

/// <summary>Time to prune the full model at pruning factor <paramref name="PruningFactor"/> with no edge load.</summary>
public sealed record PruneAtFactor(double PruningFactor, LatencyStatistics Prune);
