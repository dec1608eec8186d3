using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>What was measured at one load level.</summary>
public sealed record LoadMeasurement
{
    /// <summary>Concurrent background inference tasks while measuring (0 = idle).</summary>
    public required int Load { get; init; }

    /// <summary>Foreground inference time.</summary>
    public required LatencyStatistics Inference { get; init; }

    /// <summary>Time to prune the full model file into this variant's file under this load; null for full models or when not measured.</summary>
    public LatencyStatistics? PruneSeconds { get; init; }

    /// <summary>Background inferences completed while this level was measured (shows the load really ran).</summary>
    public long BackgroundInferences { get; init; }
}
