using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// One initializer indexed by a group's channels: channel c of the group is index <see cref="Offset"/> + c along
/// <see cref="Axis"/> of <see cref="Tensor"/>.
/// </summary>
/// <param name="Tensor">The FLOAT initializer (used by exactly one node input, so slicing it changes nothing else).</param>
/// <param name="Axis">The axis indexed by the channel (0 or 1 for Conv weights; 0 for 1-D parameters).</param>
/// <param name="Offset">Where the group's channels start along that axis (non-zero after a Concat or for several groups in one tensor).</param>
/// <param name="Role">What the tensor is to the channels.</param>
public sealed record ChannelSlice(TensorProto Tensor, int Axis, int Offset, ChannelSliceRole Role);
