using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Compression.Structured;

/// <summary>PLACEHOLDER for helper hA's result of <c>channel-ls</c> pruning (the integrator drops this file).</summary>
public sealed record ChannelLsResult
{
    /// <summary>Time the pruning took.</summary>
    public Seconds Elapsed { get; init; }
}
