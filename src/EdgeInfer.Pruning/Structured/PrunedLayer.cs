namespace EdgeInfer.Pruning.Structured;

/// <summary>One prunable Conv: its node name (or first output when unnamed) and output channel counts.</summary>
public sealed record PrunedLayer(string Conv, int ChannelsBefore, int ChannelsAfter);
