using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Compression.Structured;

/// <summary>PLACEHOLDER for helper hA's options of <c>channel-ls</c> pruning (the integrator drops this file).</summary>
public sealed record ChannelLsOptions
{
    /// <summary>Uniform fraction of prunable channels removed; ignored when <see cref="Budget"/> is set.</summary>
    public PruningFactor Factor { get; init; }

    /// <summary>Fraction of the MACs kept, instead of a uniform <see cref="Factor"/>.</summary>
    public MacsBudget? Budget { get; init; }

    /// <summary>Kept channels rounded up to this multiple.</summary>
    public int ChannelMultiple { get; init; } = 1;

    /// <summary>Returns this instance (placeholder).</summary>
    public ChannelLsOptions Validated() => this;
}
