namespace EdgeInfer.Pruning.Structured;

/// <summary>A prunable group and the multiply-accumulates its channels take part in.</summary>
/// <param name="Group">The group.</param>
/// <param name="Macs">
/// MACs (batch 1) of the Convs whose output or input channels the group indexes, each weighted by the group's share of
/// that axis (a producer counts whole; a consumer reading a 1,024-channel Concat of which the group is 32 counts 32/1024);
/// removing a fraction p of the group's channels removes about p of them. Null when shapes are not static.
/// </param>
/// <param name="Share">
/// <see cref="Macs"/> as a fraction of the model's MACs. Shares overlap (a Conv between two groups counts in both), so
/// they may sum to more than 1. Null when shapes are not static.
/// </param>
public sealed record ChannelGroupMacs(ChannelGroup Group, long? Macs, double? Share);
