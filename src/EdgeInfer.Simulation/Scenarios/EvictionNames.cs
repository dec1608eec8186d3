namespace EdgeInfer.Simulation.Scenarios;

/// <summary>The wire names of <see cref="EvictionKind"/>: <c>lru</c>, <c>lfu</c>, <c>static-top-k</c>, <c>utility-per-byte</c>.</summary>
public static class EvictionNames
{
    private static readonly string[] Names = ["lru", "lfu", "static-top-k", "utility-per-byte"];

    /// <summary>Name to kind, for parsers.</summary>
    public static IReadOnlyDictionary<string, EvictionKind> ByName { get; } =
        Enum.GetValues<EvictionKind>().ToDictionary(k => Names[(int)k], k => k, StringComparer.Ordinal);

    /// <summary>The wire name.</summary>
    public static string Name(EvictionKind kind) => Names[(int)kind];
}
