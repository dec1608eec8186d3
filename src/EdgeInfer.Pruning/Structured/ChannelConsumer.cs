using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// A Conv (group 1) whose input channels include a group's channels: they are input channels
/// <see cref="Offset"/> … <see cref="Offset"/> + Channels − 1 of <see cref="Input"/>, and axis 1 of the Conv's weight
/// at the same offset. Removing them leaves the Conv's output shape unchanged, which is what lets a data-aware pruner
/// re-fit this Conv's weights on the kept channels.
/// </summary>
/// <param name="Conv">The consuming Conv node.</param>
/// <param name="Input">The name of its data input (input 0), the tensor to capture.</param>
/// <param name="Offset">Where the group's channels start along axis 1 of <see cref="Input"/>.</param>
/// <param name="InputChannels">The channel count of <see cref="Input"/> (the weight's axis 1), before any pruning.</param>
public sealed record ChannelConsumer(NodeProto Conv, string Input, int Offset, int InputChannels);
