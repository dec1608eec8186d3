using EdgeInfer.Edge.Variants;

namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Bounds on the edge's on-demand builds (pruning, quantization, encodings): what one client can make the edge build.
/// Every build goes through one bounded queue (<see cref="BuildScheduler"/>): at most <see cref="MaxConcurrentBuilds"/> run,
/// their estimated peak memory stays within <see cref="MemoryBudgetBytes"/>, at most <see cref="MaxQueuedBuilds"/> wait
/// (beyond: 503 with <c>Retry-After</c>); each client may start <see cref="BuildsPerClient"/> builds per
/// <see cref="BuildWindowSeconds"/> (beyond: 429); pruning factors and MACs budgets outside the grids are a 400.
/// Immutable; checked by <see cref="EdgeServerOptions.Validated"/> with the rest of the options.
/// </summary>
public sealed record EdgeBuildLimits
{
    /// <summary>On-demand builds that run at once, in [1, 64]. Default 1.</summary>
    public int MaxConcurrentBuilds { get; init; } = 1;

    /// <summary>Builds that may wait for a slot, in [0, 10000]; beyond it a request that needs a build gets 503. Default 16.</summary>
    public int MaxQueuedBuilds { get; init; } = 16;

    /// <summary>
    /// Sum of the estimated peak memory of the builds that run at once (estimate: <see cref="BuildScheduler.MemoryFactor"/> × the
    /// source model's size); a build that would exceed it waits; one larger than the whole budget runs alone. Null: a quarter
    /// of the memory available to the process. At least 1 MB.
    /// </summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary>Pruning factors the edge prunes on demand; others are a 400 (unless already built). Default 0.05 to 0.95 by 0.05.</summary>
    public FractionGrid PruneGrid { get; init; } = FractionGrid.Default;

    /// <summary>MACs budgets the edge builds on demand; others are a 400 (unless already built). Default 0.05 to 0.95 by 0.05.</summary>
    public FractionGrid MacsGrid { get; init; } = FractionGrid.Default;

    /// <summary>On-demand builds one client may start per window, in [1, 100000] (cache hits never count). Default 30.</summary>
    public int BuildsPerClient { get; init; } = 30;

    /// <summary>Length of the per-client build window, in (0, 86400] seconds. Default 600 (10 min).</summary>
    public double BuildWindowSeconds { get; init; } = 600;

    /// <summary>The memory budget in effect: <see cref="MemoryBudgetBytes"/>, or a quarter of the memory available to the process.</summary>
    public long EffectiveMemoryBudgetBytes => MemoryBudgetBytes ?? Math.Max(1L << 20, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>Adds one line per out-of-range field to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (MaxConcurrentBuilds is < 1 or > 64)
        {
            problems.Add($"max concurrent builds {MaxConcurrentBuilds} is outside [1, 64]");
        }

        if (MaxQueuedBuilds is < 0 or > 10_000)
        {
            problems.Add($"max queued builds {MaxQueuedBuilds} is outside [0, 10000]");
        }

        if (MemoryBudgetBytes is < 1 << 20)
        {
            problems.Add($"build memory budget {MemoryBudgetBytes} B is below 1 MB");
        }

        if (BuildsPerClient is < 1 or > 100_000)
        {
            problems.Add($"builds per client {BuildsPerClient} is outside [1, 100000]");
        }

        if (!(BuildWindowSeconds > 0 && BuildWindowSeconds <= 86_400))
        {
            problems.Add(FormattableString.Invariant($"build window {BuildWindowSeconds} s is outside (0, 86400]"));
        }

        if (PruneGrid is null || MacsGrid is null)
        {
            problems.Add("the prune and MACs grids must be set");
        }
    }
}
