using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Pruning.Structured;

/// <summary>What channel pruning removed.</summary>
/// <param name="Layers">
/// Every producing Conv of a prunable channel group, in node order, with its output channel counts before and after (each
/// producer of a residual group is listed, with the group's counts).
/// </param>
/// <param name="SelectTime">Time to analyse the graph and rank channels by L1 norm.</param>
/// <param name="SurgeryTime">Time to slice the tensors and rewrite the graph.</param>
public sealed record ChannelPruningResult(IReadOnlyList<PrunedLayer> Layers, Seconds SelectTime, Seconds SurgeryTime)
{
    /// <summary>Output channels of all prunable Convs before pruning.</summary>
    public long PrunableChannels => Layers.Sum(l => (long)l.ChannelsBefore);

    /// <summary>Channels removed in total.</summary>
    public long RemovedChannels => Layers.Sum(l => (long)(l.ChannelsBefore - l.ChannelsAfter));
}
