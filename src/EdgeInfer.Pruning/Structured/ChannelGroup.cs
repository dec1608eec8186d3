using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Output channels of one Conv that can be removed together: the producer's weight rows (and bias), the
/// per-channel tensors on the way to the consumers (BatchNormalization parameters, a depthwise Conv's weight rows and
/// bias and its BatchNormalization), and the input channels of the consuming Convs.
/// </summary>
/// <param name="Producer">The Conv whose output channels are removed.</param>
/// <param name="Channels">Its output channel count M.</param>
/// <param name="Axis0">Initializers whose axis 0 is indexed by the channel (weights, biases, BN parameters).</param>
/// <param name="Axis1">Weights of consuming Convs whose axis 1 (input channels) is indexed by the channel.</param>
/// <param name="Depthwise">Depthwise Convs in the path whose <c>group</c> must become the kept channel count.</param>
internal sealed record ChannelGroup(
    NodeProto Producer,
    int Channels,
    IReadOnlyList<TensorProto> Axis0,
    IReadOnlyList<TensorProto> Axis1,
    IReadOnlyList<NodeProto> Depthwise)
{
    /// <summary>The producer's weight [M, C/g, kH, kW], the source of the L1 norms.</summary>
    public TensorProto Weight => Axis0[0];
}
