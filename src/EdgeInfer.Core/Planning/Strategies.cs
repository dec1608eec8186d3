namespace EdgeInfer.Core.Planning;

/// <summary>Names and properties of the six <see cref="Strategy"/> values.</summary>
public static class Strategies
{
    /// <summary>Number of strategies (6).</summary>
    public const int Count = 6;

    /// <summary>Number of device-side strategies, which get a break-even point against edge-full (3).</summary>
    public const int DeviceCount = 3;

    private static readonly string[] Names = ["edge-full", "edge-prepruned", "edge-ondemand", "device-full", "device-prepruned", "device-ondemand"];

    /// <summary>Every strategy in the fixed report order.</summary>
    public static IReadOnlyList<Strategy> All { get; } =
        [Strategy.EdgeFull, Strategy.EdgePrepruned, Strategy.EdgeOndemand, Strategy.DeviceFull, Strategy.DevicePrepruned, Strategy.DeviceOndemand];

    /// <summary>The wire name, e.g. <c>device-ondemand</c>.</summary>
    public static string Name(this Strategy strategy) => Names[(int)strategy];

    /// <summary>Parses a wire name; throws <see cref="EdgeInferInputException"/> listing the allowed names.</summary>
    public static Strategy Parse(string name)
    {
        var index = Array.IndexOf(Names, name);
        return index >= 0 ? (Strategy)index : throw new EdgeInferInputException($"Unknown strategy '{name}'; allowed: {string.Join(", ", Names)}.");
    }

    /// <summary>True for the edge-* strategies (inference at the edge server).</summary>
    public static bool RunsAtEdge(this Strategy strategy) => strategy <= Strategy.EdgeOndemand;

    /// <summary>True when the strategy uses the pruned variant of the model.</summary>
    public static bool UsesPrunedModel(this Strategy strategy) => strategy is not (Strategy.EdgeFull or Strategy.DeviceFull);

    /// <summary>True when the edge prunes the model on demand (T_pr and P_edge·T_pr are paid once).</summary>
    public static bool PrunesOnDemand(this Strategy strategy) => strategy is Strategy.EdgeOndemand or Strategy.DeviceOndemand;
}
