namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Bounds on the resources one client can make the edge spend: the resource-exhaustion defences. Immutable; checked by
/// <see cref="EdgeServerOptions.Validated"/> with the rest of the options.
/// </summary>
public sealed record EdgeResourceLimits
{
    /// <summary>Largest image (width × height, read from its header before decoding) an inference accepts. Default 16 M pixels.</summary>
    public long MaxImagePixels { get; init; } = 16_000_000;

    /// <summary>Bounds on on-demand builds (see <see cref="EdgeBuildLimits"/>).</summary>
    public EdgeBuildLimits Builds { get; init; } = new();

    /// <summary>Adds one line per out-of-range field to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Builds.AddProblems(problems);
        if (MaxImagePixels < 1)
        {
            problems.Add($"max image pixels {MaxImagePixels} must be at least 1");
        }
    }
}
