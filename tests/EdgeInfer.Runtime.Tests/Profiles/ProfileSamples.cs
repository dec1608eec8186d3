using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Runtime.Tests.Profiles;

/// <summary>Hand-made profiles for merge and interpolation tests.</summary>
internal static class ProfileSamples
{
    public static readonly MachineInfo Phone = new("ARM Cortex-A76", 1, 4L << 30, "Android", "1.31.1", ".NET 10.0.0");
    public static readonly MachineInfo Server = new("Intel Xeon Platinum 8370C", 4, 16L << 30, "Linux", "1.31.1", ".NET 10.0.0");

    public static LatencyStatistics Stats(double median) => new()
    {
        MedianSeconds = median,
        P90Seconds = median * 1.1,
        P99Seconds = median * 1.2,
        MinSeconds = median * 0.9,
        MaxSeconds = median * 1.3,
        MeanSeconds = median,
        Count = 5,
    };

    public static ProfiledModel Model(string name, string variant, params (int Load, double Median)[] points) => new()
    {
        Model = name,
        Variant = variant,
        SizeBytes = 1000,
        Measurements = points.Select(p => new LoadMeasurement { Load = p.Load, Inference = Stats(p.Median) }).ToArray(),
    };

    /// <summary>A pruned variant with prune times (medians) at each load.</summary>
    public static ProfiledModel Pruned(string name, string variant, double pf, params (int Load, double Median, double Prune)[] points) => new()
    {
        Model = name,
        Variant = variant,
        PruningFactor = pf,
        PruningMethod = "global",
        SizeBytes = 400,
        Measurements = points.Select(p => new LoadMeasurement { Load = p.Load, Inference = Stats(p.Median), PruneSeconds = Stats(p.Prune) }).ToArray(),
    };

    /// <summary>Device (phone) and edge (server) roles for mobilenet full and global-0.70: edge full T = 0.02 + 0.01·L s.</summary>
    public static ProfileDocument Both() => new()
    {
        Complete = true,
        Device = Role(Phone, [0], Model("mobilenet", "full", (0, 0.10)), Pruned("mobilenet", "global-0.70", 0.7, (0, 0.06, 0))),
        Edge = Role(
            Server,
            [0, 10, 20],
            Model("mobilenet", "full", (0, 0.02), (10, 0.12), (20, 0.22)),
            Pruned("mobilenet", "global-0.70", 0.7, (0, 0.01, 1.0), (10, 0.06, 2.0), (20, 0.11, 3.0))),
    };

    public static RoleProfile Role(MachineInfo machine, int[] loads, params ProfiledModel[] models) => new()
    {
        Machine = machine,
        MeasuredAtUtc = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        Settings = new ProfileSettings { Samples = 5, WarmupRuns = 1, IntraOpThreads = machine.LogicalCores, AllowSpinning = true, Loads = loads },
        Models = models,
    };

    public static ProfileDocument DeviceOnly(params ProfiledModel[] models) => new() { Complete = true, Device = Role(Phone, [0], models) };

    public static ProfileDocument EdgeOnly(params ProfiledModel[] models) => new() { Complete = true, Edge = Role(Server, [0, 2, 8], models) };
}
