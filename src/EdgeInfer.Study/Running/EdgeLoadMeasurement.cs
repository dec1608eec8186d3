using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Study.Running;

/// <summary>At one edge load: T_inf,e of the full and pruned models and T_pr of pruning the full model.</summary>
/// <param name="Load">Background tasks.</param>
/// <param name="Full">Edge inference of the full model.</param>
/// <param name="Pruned">Edge inference of the pruned model.</param>
/// <param name="Prune">Pruning the full model file into the pruned one.</param>
/// <param name="PruneDerived">
/// True when <paramref name="Prune"/> was not timed at this load but derived from the lowest load's by the full model's edge
/// slowdown (<see cref="Config.PruneTiming.Derived"/>).
/// </param>
public sealed record EdgeLoadMeasurement(int Load, LatencyStatistics Full, LatencyStatistics Pruned, LatencyStatistics Prune, bool PruneDerived = false);
