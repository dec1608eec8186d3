using System.Text.Json.Serialization;
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

    /// <summary>
    /// Device role: session open, i.e. opening the model in ORT (with the role's warm-up runs). The first sample is the
    /// model's first open in the profiling process, ORT already initialised (<see cref="Execution.RuntimeWarmup"/>): what a
    /// device pays after downloading it (<see cref="FirstSessionOpenSeconds"/>); the others are repeated opens. Null when
    /// not measured.
    /// </summary>
    public LatencyStatistics? SessionOpenSeconds { get; init; }

    /// <summary>Device role: the first open of <see cref="SessionOpenSeconds"/>, seconds; null when not measured.</summary>
    public double? FirstSessionOpenSeconds { get; init; }

    /// <summary>Device role, pruned variants: decoding the wire form and writing the ONNX file; null when not measured.</summary>
    public LatencyStatistics? WireDecodeSeconds { get; init; }

    /// <summary>Background inferences completed while this level was measured (shows the load really ran).</summary>
    public long BackgroundInferences { get; init; }

    /// <summary>
    /// Profiles written before "load" meant background tasks only named <see cref="SessionOpenSeconds"/>
    /// <c>sessionLoadSeconds</c>: still read (the new name wins when a file has both), never written.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("sessionLoadSeconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private LatencyStatistics? LegacySessionLoadSeconds
    {
        get => null;
        init => SessionOpenSeconds ??= value;
    }

    /// <summary>The old name of <see cref="FirstSessionOpenSeconds"/>, <c>firstSessionLoadSeconds</c>: read, never written.</summary>
    [JsonInclude]
    [JsonPropertyName("firstSessionLoadSeconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private double? LegacyFirstSessionLoadSeconds
    {
        get => null;
        init => FirstSessionOpenSeconds ??= value;
    }
}
