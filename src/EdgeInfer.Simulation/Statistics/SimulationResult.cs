namespace EdgeInfer.Simulation.Statistics;

/// <summary>
/// The aggregates of one run (one placement policy, one eviction policy, one seed) over the requests that arrived in the
/// measured window [warm-up, warm-up + duration). Delays are end to end (arrival → result on the device), seconds.
/// Edge figures are summed over the cells (energy, data) or averaged over them (utilisation).
/// </summary>
public sealed record SimulationResult
{
    /// <summary>The placement policy.</summary>
    public required string Policy { get; init; }

    /// <summary>The eviction policy (wire name).</summary>
    public required string Eviction { get; init; }

    /// <summary>The seed of the run.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Requests counted and finished.</summary>
    public required long Requests { get; init; }

    /// <summary>Requests counted that had not finished when the run stopped (overload).</summary>
    public required long Unfinished { get; init; }

    /// <summary>Arrivals on devices whose battery was spent (not served).</summary>
    public required long DroppedBattery { get; init; }

    /// <summary>Mean end-to-end delay, seconds.</summary>
    public required double MeanDelaySeconds { get; init; }

    /// <summary>Median delay, seconds (within 0.05 %, see <see cref="LogHistogram"/>).</summary>
    public required double P50DelaySeconds { get; init; }

    /// <summary>90th percentile of the delay, seconds.</summary>
    public required double P90DelaySeconds { get; init; }

    /// <summary>99th percentile of the delay, seconds.</summary>
    public required double P99DelaySeconds { get; init; }

    /// <summary>Share of the requests with a deadline that missed it; NaN when no class has one.</summary>
    public required double DeadlineMissRate { get; init; }

    /// <summary>Device energy per request, joules.</summary>
    public required double MeanDeviceEnergyJoules { get; init; }

    /// <summary>Device energy of all counted requests, joules.</summary>
    public required double TotalDeviceEnergyJoules { get; init; }

    /// <summary>Devices whose battery ran out during the measured window.</summary>
    public required long BatteryDepletions { get; init; }

    /// <summary>Bytes sent over the cells' uplinks by the counted requests.</summary>
    public required long UplinkBytes { get; init; }

    /// <summary>Bytes received over the downlinks by the counted requests.</summary>
    public required long DownlinkBytes { get; init; }

    /// <summary>Share of the window each edge had at least one job, averaged over the cells.</summary>
    public required double EdgeUtilisation { get; init; }

    /// <summary>Time-average number of jobs at an edge, averaged over the cells.</summary>
    public required double MeanEdgeJobs { get; init; }

    /// <summary>P_edge × busy time, summed over the edges (inference and pruning).</summary>
    public required double EdgeEnergyJoules { get; init; }

    /// <summary>The part of <see cref="EdgeEnergyJoules"/> spent pruning on demand.</summary>
    public required double EdgePruneEnergyJoules { get; init; }

    /// <summary>Requests for a pruned variant at the edge (offloaded or downloaded) that found it stored; NaN when none asked.</summary>
    public required double StoreHitRate { get; init; }

    /// <summary>On-demand prunes started in the window.</summary>
    public required long Prunes { get; init; }

    /// <summary>Mean Top-1 of the variants that served the requests (those with a known accuracy); NaN when none.</summary>
    public required double MeanTop1 { get; init; }

    /// <summary>Share of requests offloaded to the edge.</summary>
    public required double EdgeShare { get; init; }

    /// <summary>Share of requests that started a model download (the first of a device's lifetime on the device).</summary>
    public required double DownloadShare { get; init; }

    /// <summary>Events processed (for throughput figures).</summary>
    public required long Events { get; init; }

    /// <summary>Simulated time at the end of the run, seconds.</summary>
    public required double SimulatedSeconds { get; init; }

    /// <summary>The delay distribution (for quantiles and the CDF).</summary>
    public required LogHistogram Delays { get; init; }

    /// <summary>Cell data volume: uplink + downlink bytes.</summary>
    public long CellDataBytes => UplinkBytes + DownlinkBytes;
}
