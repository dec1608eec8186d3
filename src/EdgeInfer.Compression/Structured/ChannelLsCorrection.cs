namespace EdgeInfer.Compression.Structured;

/// <summary>The forward-only statistics correction applied to each re-fitted Conv's output after its re-fit.</summary>
public enum ChannelLsCorrection
{
    /// <summary>No correction: the least-squares fit as it is.</summary>
    None,

    /// <summary>Each output channel's mean over all positions of the sequential images is moved to the original's (bias only).</summary>
    Mean,

    /// <summary>Mean and standard deviation both restored (a per-channel scale, within [1/4, 4], and a bias).</summary>
    MeanAndVariance,
}
