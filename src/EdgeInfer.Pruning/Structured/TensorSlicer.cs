using System.Runtime.InteropServices;
using EdgeInfer.Pruning.IO;
using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>Keeps a subset of indices along axis 0 or axis 1 of a FLOAT initializer (storage kind preserved).</summary>
internal static class TensorSlicer
{
    public static void Slice(TensorProto tensor, int axis, int[] keep)
    {
        var source = FloatTensor.Of(tensor, 0);
        var dims = tensor.Dims.ToArray();
        var outer = dims.Take(axis).Aggregate(1L, (a, b) => a * b);
        var inner = dims.Skip(axis + 1).Aggregate(1L, (a, b) => a * b);
        var extent = dims[axis];
        var values = source.Values;
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)(outer * keep.Length * inner * sizeof(float))));
        var result = MemoryMarshal.Cast<byte, float>(bytes.AsSpan());
        var target = 0L;
        for (var o = 0L; o < outer; o++)
        {
            foreach (var k in keep)
            {
                values.Slice((int)(((o * extent) + k) * inner), (int)inner).CopyTo(result.Slice((int)target, (int)inner));
                target += inner;
            }
        }

        var asFloatData = source.StoredAsFloatData;
        dims[axis] = keep.Length;
        FloatTensor.Replace(tensor, bytes, asFloatData);
        tensor.Dims.Clear();
        tensor.Dims.Add(dims);
    }

    /// <summary>L1 norm of each slice along axis 0.</summary>
    public static double[] RowL1Norms(TensorProto tensor)
    {
        var values = FloatTensor.Of(tensor, 0).Values;
        var rows = (int)tensor.Dims[0];
        var norms = new double[rows];
        var size = rows == 0 ? 0 : values.Length / rows;
        for (var r = 0; r < rows; r++)
        {
            double sum = 0;
            foreach (var v in values.Slice(r * size, size))
            {
                sum += Math.Abs(v);
            }

            norms[r] = sum;
        }

        return norms;
    }
}
