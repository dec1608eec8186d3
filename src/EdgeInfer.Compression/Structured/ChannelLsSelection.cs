namespace EdgeInfer.Compression.Structured;

/// <summary>How channel-ls ranks a group's channels for removal; both judge a channel by its consumers' output error.</summary>
public enum ChannelLsSelection
{
    /// <summary>
    /// Optimal Brain Surgeon over the input channels of every consumer (<c>ChannelSurgeon</c>): the output error of
    /// removing a channel when the consumer's weights on the others compensate for it, from the channels' covariance; a
    /// channel the others predict (duplicate, zero, constant) is free.
    /// </summary>
    Surgeon,

    /// <summary>
    /// He et al. 2017 / ThiNet (<c>ChannelRanking</c>): the consumers' sampled output contributions per channel, one
    /// re-fitted scale per kept channel; exact on spatial statistics but blind to channels that duplicate others through
    /// different consumer weights.
    /// </summary>
    Contributions,
}
