using System.Text.Json.Serialization;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// Load test results: throughput, latency percentiles of successful requests, and counts by HTTP status. With Poisson
/// arrivals the latency is the end-to-end delay of each request, from its scheduled arrival to its response read, so time a
/// request waits for the client to send it counts too (no coordinated omission); the fields after the positional ones
/// describe the open loop and are null for a closed one.
/// </summary>
/// <param name="Model">Model.</param>
/// <param name="Concurrency">C (closed loop); K devices (Poisson arrivals).</param>
/// <param name="Requests">Requests measured (warm-up excluded).</param>
/// <param name="Succeeded">2xx answers.</param>
/// <param name="WallSeconds">Measured interval: from the start to the last answer.</param>
/// <param name="ThroughputPerSecond">Successful inferences per second over <paramref name="WallSeconds"/> (achieved throughput).</param>
/// <param name="P50Seconds">Median latency (end-to-end delay) of successful requests.</param>
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
    IReadOnlyDictionary<string, int> ByStatus)
{
    /// <summary>How the requests arrived.</summary>
    public LoadgenArrivals Arrivals { get; init; } = LoadgenArrivals.Closed;

    /// <summary>Answers refused by admission control: 429 (queue full) and 503 (no slot in time).</summary>
    public int Rejected => ByStatus.Where(kv => kv.Key is "429" or "503").Sum(kv => kv.Value);

    /// <summary>Requests neither answered with 2xx nor rejected (no answer, other statuses).</summary>
    public int Errors => Requests - Succeeded - Rejected;

    /// <summary>K: devices (Poisson arrivals).</summary>
    public int? Devices { get; init; }

    /// <summary>R: requests per second per device asked for (Poisson arrivals).</summary>
    public double? RatePerDevicePerSecond { get; init; }

    /// <summary>K·R: the offered rate, requests per second (Poisson arrivals).</summary>
    public double? OfferedRatePerSecond => Devices * RatePerDevicePerSecond;

    /// <summary>Seed of the arrival schedule (Poisson arrivals).</summary>
    public int? Seed { get; init; }

    /// <summary>Time of the last scheduled arrival, seconds since the start (Poisson arrivals).</summary>
    public double? ArrivalWindowSeconds { get; init; }

    /// <summary>Requests sent per second over the arrival window: the rate the schedule realised (Poisson arrivals).</summary>
    public double? ArrivalRatePerSecond => ArrivalWindowSeconds is > 0 ? Requests / ArrivalWindowSeconds : null;

    /// <summary>Most requests in flight at once (Poisson arrivals).</summary>
    public int? MaxInFlight { get; init; }

    /// <summary>
    /// Mean time by which the client sent a request after its scheduled arrival (timer granularity, a busy client), seconds
    /// (Poisson arrivals). Counted in the delay; large values mean the client, not the server, was the bottleneck.
    /// </summary>
    public double? MeanDispatchLagSeconds { get; init; }

    /// <summary>Largest dispatch lag, seconds (Poisson arrivals).</summary>
    public double? MaxDispatchLagSeconds { get; init; }

    /// <summary>Every measured request in arrival order (Poisson arrivals; empty for a closed loop). Not in the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<LoadgenSample> Samples { get; init; } = [];
}
