namespace EdgeInfer.Device.Loadgen;

/// <summary>Load test results: throughput, latency percentiles of successful requests, and counts by HTTP status.</summary>
/// <param name="Model">Model.</param>
/// <param name="Concurrency">C.</param>
/// <param name="Requests">Requests measured (warm-up excluded).</param>
/// <param name="Succeeded">2xx answers.</param>
/// <param name="WallSeconds">Measured interval.</param>
/// <param name="ThroughputPerSecond">Successful inferences per second.</param>
/// <param name="P50Seconds">Median latency of successful requests.</param>
/// <param name="P90Seconds">90th percentile.</param>
/// <param name="P99Seconds">99th percentile.</param>
/// <param name="MeanSeconds">Mean.</param>
/// <param name="ByStatus">Count per HTTP status (0: no answer, e.g. connection refused).</param>
public sealed record LoadgenReport(
    string Model,
    int Concurrency,
    int Requests,
    int Succeeded,
    double WallSeconds,
    double ThroughputPerSecond,
    double P50Seconds,
    double P90Seconds,
    double P99Seconds,
    double MeanSeconds,
    IReadOnlyDictionary<string, int> ByStatus);
