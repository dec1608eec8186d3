namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Bounds on the edge's on-demand builds (pruning, quantization, encodings): what one client can make the edge build.
/// Immutable; checked by <see cref="EdgeServerOptions.Validated"/> with the rest of the options.
/// </summary>
public sealed record EdgeBuildLimits
{
    /// <summary>On-demand builds that run at once, in [1, 64]. Default 1.</summary>
    public int MaxConcurrentBuilds { get; init; } = 1;

    /// <summary>Adds one line per out-of-range field to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (MaxConcurrentBuilds is < 1 or > 64)
        {
            problems.Add($"max concurrent builds {MaxConcurrentBuilds} is outside [1, 64]");
        }
    }
}
