using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Running;

/// <summary>Everything measured for one model: its full and pruned variants at the device and at the edge under each load.</summary>
public sealed record ModelMeasurements
{
    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>The full model.</summary>
    public required PreparedVariant Full { get; init; }

    /// <summary>The pruned model of the comparisons (config <c>pruningMethod</c> at <c>comparisonPruningFactor</c>).</summary>
    public required PreparedVariant Pruned { get; init; }

    /// <summary>T_inf,d of the full model.</summary>
    public required LatencyStatistics DeviceFull { get; init; }

    /// <summary>T_inf,d of the pruned model.</summary>
    public required LatencyStatistics DevicePruned { get; init; }

    /// <summary>Edge measurements, one per measured load, ascending.</summary>
    public required IReadOnlyList<EdgeLoadMeasurement> Edge { get; init; }

    /// <summary>Pruning time at load 0 for each pruning factor of the config (pf &gt; 0), ascending.</summary>
    public required IReadOnlyList<PruneAtFactor> PruneByFactor { get; init; }
}
