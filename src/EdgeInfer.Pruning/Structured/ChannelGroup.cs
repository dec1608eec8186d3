using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Channels that can only be removed together, and every place in the graph that indexes them. Found by
/// <see cref="ChannelDependencyGraph.Find"/>; removed by <see cref="ChannelSurgery.Apply"/>. Channel c (0 ≤ c &lt;
/// <see cref="Channels"/>) is output channel c of every producer, index <c>Offset + c</c> along the axis of every
/// <see cref="Slices"/> entry, and input channel <c>Offset + c</c> of every consumer.
/// </summary>
/// <remarks>
/// The nodes and tensors are the objects of the model the group was found on. <see cref="ChannelSurgery.Apply"/>
/// resolves them by name, so a group also applies to an unchanged copy (<c>model.Clone()</c>) of that model.
/// </remarks>
public sealed record ChannelGroup
{
    /// <summary>Stable identifier: the first producer's node name (its first output when unnamed).</summary>
    public required string Id { get; init; }

    /// <summary>How the channels are tied: one Conv, several through Add, or one inside a Concat.</summary>
    public required ChannelGroupKind Kind { get; init; }

    /// <summary>The channel count M (every producer's output channels), ≥ 1.</summary>
    public required int Channels { get; init; }

    /// <summary>The Convs (group 1) whose output channels these are, in node order; more than one for <see cref="ChannelGroupKind.Residual"/>.</summary>
    public required IReadOnlyList<NodeProto> Producers { get; init; }

    /// <summary>
    /// Every initializer indexed by the channels, producers' weights first (then in node order): producer weights (axis
    /// 0) and biases, BatchNormalization parameters (including a pre-activation BN that reads a Concat, at the offset),
    /// depthwise weights and biases, per-channel operands of element-wise ops, and consumer weights (axis 1).
    /// </summary>
    public required IReadOnlyList<ChannelSlice> Slices { get; init; }

    /// <summary>Depthwise Convs (group = input channels, weight [C, 1, k, k]) on the way, whose <c>group</c> attribute shrinks with the channels.</summary>
    public required IReadOnlyList<NodeProto> Depthwise { get; init; }

    /// <summary>
    /// The Convs whose input channels these are (after per-channel ops, Adds, Concats and depthwise Convs), in node
    /// order, each with its data input's name and the channels' offset there.
    /// </summary>
    public required IReadOnlyList<ChannelConsumer> Consumers { get; init; }

    /// <summary>The producers' weights [M, C, kH, kW] (the <see cref="ChannelSliceRole.ProducerWeight"/> slices), the source of weight-norm rankings.</summary>
    public IEnumerable<TensorProto> ProducerWeights => Slices.Where(s => s.Role == ChannelSliceRole.ProducerWeight).Select(s => s.Tensor);
}
