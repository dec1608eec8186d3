using System.Runtime.InteropServices;
using EdgeInfer.Pruning.Structured;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>
/// Makes chosen channels of channel groups exactly zero everywhere they flow: the producers' weight rows and biases,
/// the BatchNormalization biases and means (so BN maps 0 to 0, and Relu keeps it 0), depthwise biases and per-channel
/// element-wise operands. Removing such channels must then leave a network's output unchanged up to rounding.
/// </summary>
internal static class ChannelZeroing
{
    /// <summary>Every third channel of each group (c mod 3 = 1), so at least one stays and offsets inside Concats are exercised.</summary>
    public static int[] Removed(ChannelGroup group) => [.. Enumerable.Range(0, group.Channels).Where(c => c % 3 == 1)];

    public static int[] Keep(ChannelGroup group, int[] removed) => [.. Enumerable.Range(0, group.Channels).Except(removed)];

    public static void Zero(ModelProto model, IEnumerable<(ChannelGroup Group, int[] Removed)> selection)
    {
        // BN(x) = scale·(x − mean)/√(var + ε) + bias: with mean and bias 0 a zero channel stays zero.
        var shifts = model.Graph.Node.Where(n => n.OpType == "BatchNormalization").SelectMany(n => new[] { n.Input[2], n.Input[3] }).ToHashSet();
        foreach (var (group, removed) in selection)
        {
            foreach (var slice in group.Slices)
            {
                var zero = slice.Role switch
                {
                    ChannelSliceRole.ProducerWeight or ChannelSliceRole.ProducerBias or ChannelSliceRole.PerChannel => true,
                    ChannelSliceRole.BatchNorm => shifts.Contains(slice.Tensor.Name),
                    ChannelSliceRole.Depthwise => slice.Tensor.Dims.Count == 1,
                    _ => false,
                };
                if (zero)
                {
                    ZeroAlong(slice.Tensor, slice.Axis, removed.Select(c => slice.Offset + c));
                }
            }
        }
    }

    private static void ZeroAlong(TensorProto tensor, int axis, IEnumerable<int> indices)
    {
        var values = NaivePruner.Values(tensor);
        var outer = tensor.Dims.Take(axis).Aggregate(1L, (a, b) => a * b);
        var extent = tensor.Dims[axis];
        var inner = tensor.Dims.Skip(axis + 1).Aggregate(1L, (a, b) => a * b);
        foreach (var index in indices)
        {
            for (var o = 0L; o < outer; o++)
            {
                Array.Clear(values, (int)(((o * extent) + index) * inner), (int)inner);
            }
        }

        if (tensor.RawData.IsEmpty)
        {
            tensor.FloatData.Clear();
            tensor.FloatData.Add(values);
        }
        else
        {
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        }
    }
}
