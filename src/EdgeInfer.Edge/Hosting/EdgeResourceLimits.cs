namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Bounds on the resources one client can make the edge spend: the resource-exhaustion defences. Immutable; checked by
/// <see cref="EdgeServerOptions.Validated"/> with the rest of the options.
/// </summary>
public sealed record EdgeResourceLimits
{
    /// <summary>Adds one line per out-of-range field to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
    }
}
