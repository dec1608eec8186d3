namespace EdgeInfer.Simulation.Statistics;

/// <summary>
/// A figure of one run that replications average (<see cref="ReplicationSummary"/>): its column name, unit in the
/// name, and how it is read from a <see cref="SimulationResult"/>. <see cref="All"/> is the fixed report order.
/// </summary>
/// <param name="Name">Column name (camelCase, unit in the name), e.g. <c>meanDelaySeconds</c>.</param>
/// <param name="Value">Reads the figure from one run; NaN where the run does not define it.</param>
public sealed record SummaryMetric(string Name, Func<SimulationResult, double> Value)
{
    /// <summary>Every metric, in report order.</summary>
    public static IReadOnlyList<SummaryMetric> All { get; } =
    [
        new("requests", r => r.Requests),
        new("meanDelaySeconds", r => r.MeanDelaySeconds),
        new("p50DelaySeconds", r => r.P50DelaySeconds),
        new("p90DelaySeconds", r => r.P90DelaySeconds),
        new("p99DelaySeconds", r => r.P99DelaySeconds),
        new("deadlineMissRate", r => r.DeadlineMissRate),
        new("meanDeviceEnergyJoules", r => r.MeanDeviceEnergyJoules),
        new("batteryDepletions", r => r.BatteryDepletions),
        new("cellDataBytes", r => r.CellDataBytes),
        new("edgeUtilisation", r => r.EdgeUtilisation),
        new("edgeEnergyJoules", r => r.EdgeEnergyJoules),
        new("edgePruneEnergyJoules", r => r.EdgePruneEnergyJoules),
        new("storeHitRate", r => r.StoreHitRate),
        new("prunes", r => r.Prunes),
        new("meanTop1", r => r.MeanTop1),
        new("edgeShare", r => r.EdgeShare),
        new("downloadShare", r => r.DownloadShare),
        new("unfinished", r => r.Unfinished),
    ];
}
