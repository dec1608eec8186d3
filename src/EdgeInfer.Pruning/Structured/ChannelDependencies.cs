namespace EdgeInfer.Pruning.Structured;

/// <summary>What <see cref="ChannelDependencyGraph.Analyze"/> found: the prunable groups and the channels left whole.</summary>
/// <param name="Groups">Disjoint prunable groups, ordered by their first producer's position in the graph.</param>
/// <param name="Blocked">Producers' channels that may not be removed, with the reason, in the same order.</param>
public sealed record ChannelDependencies(IReadOnlyList<ChannelGroup> Groups, IReadOnlyList<BlockedChannels> Blocked);
