using EdgeInfer.Pruning.Structured;

namespace EdgeInfer.Compression.Structured;

/// <summary>What <see cref="ChannelLsPruner"/> did to one channel group.</summary>
/// <param name="Id">The group's id (its first producer's name).</param>
/// <param name="Kind">Single, Residual or Concat.</param>
/// <param name="ChannelsBefore">Channels M before pruning.</param>
/// <param name="ChannelsAfter">Channels kept.</param>
/// <param name="SelectionError">
/// The selection's estimate of the consumers' relative output error after removing the channels (one scale per kept
/// channel re-fitted; summed over consumers), from the original network's activations.
/// </param>
/// <param name="ReconstructionError">
/// Mean over the group's consumers of the relative error of their least-squares re-fit (residual energy over target
/// energy at the sampled positions, inputs from the pruned network, targets from the original); NaN when none was re-fitted.
/// </param>
public sealed record ChannelLsGroupReport(
    string Id, ChannelGroupKind Kind, int ChannelsBefore, int ChannelsAfter, double SelectionError, double ReconstructionError);
