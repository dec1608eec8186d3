using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>The edge's bounded store of pruned variants; a request for a variant not in it costs an on-demand prune.</summary>
public sealed record StoreOptions
{
    /// <summary>Capacity in bytes (0: nothing is kept, every pruned request prunes). Default 1 GB.</summary>
    public Bytes Capacity { get; init; } = new(1_000_000_000);

    /// <summary>What the store holds at the start (the static top-k policy always starts from <see cref="StorePreload.Popular"/>).</summary>
    public StorePreload Preload { get; init; } = StorePreload.None;

    internal void AddProblems(List<string> problems, string path)
    {
        if (!Enum.IsDefined(Preload))
        {
            problems.Add($"{path}preload = {Preload} is not one of none, popular, all");
        }
    }
}
