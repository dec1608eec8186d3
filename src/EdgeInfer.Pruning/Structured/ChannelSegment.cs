namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// A run of channels along axis 1 of a tensor: <see cref="Channels"/> channels from <see cref="Offset"/> on, all of one
/// producer's space, or of nothing prunable (<see cref="Space"/> null: a graph input, a blocked Conv's output).
/// </summary>
internal readonly record struct ChannelSegment(ChannelSpace? Space, int Offset, int Channels);
