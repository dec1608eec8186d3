using System.Runtime.InteropServices;
using EdgeInfer.Pruning.IO;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Wire;

/// <summary>
/// The interoperable sparse form: ONNX with <c>sparse_initializer</c> in COO layout (values [nnz] FLOAT, indices [nnz]
/// INT64 linear positions), which ONNX Runtime densifies at load. A FLOAT initializer is converted only where COO is
/// smaller than dense (12·nnz &lt; 4·n, i.e. sparsity above 2/3); the others stay dense.
/// </summary>
public static class SparseOnnxExporter
{
    /// <summary>Returns a copy of <paramref name="model"/> with the qualifying initializers moved to <c>sparse_initializer</c>.</summary>
    public static ModelProto ToCoo(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = model.Clone();
        var graph = result.Graph;
        var converted = new SparseTensorProto?[graph.Initializer.Count];
        Parallel.For(0, graph.Initializer.Count, i =>
        {
            var proto = graph.Initializer[i];
            if (FloatTensor.IsSupported(proto) && FloatTensor.ElementCount(proto) > 0)
            {
                var tensor = FloatTensor.Of(proto, i);
                var nnz = Wire.BitmaskCodec.CountNonZero(tensor.Bits);
                if (12 * nnz < 4 * tensor.Count)
                {
                    converted[i] = Convert(tensor, nnz);
                }
            }
        });

        for (var i = graph.Initializer.Count - 1; i >= 0; i--)
        {
            if (converted[i] is { } sparse)
            {
                graph.Initializer.RemoveAt(i);
                graph.SparseInitializer.Insert(0, sparse);
            }
        }

        // sparse_initializer needs IR version 6 or later (ONNX 1.6).
        result.IrVersion = Math.Max(result.IrVersion, 6);
        return result;
    }

    private static SparseTensorProto Convert(FloatTensor tensor, long nnz)
    {
        var values = new float[nnz];
        var indices = new long[nnz];
        var bits = tensor.Bits;
        var source = tensor.Values;
        var k = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i] != 0)
            {
                values[k] = source[i];
                indices[k++] = i;
            }
        }

        var valuesProto = new TensorProto
        {
            Name = tensor.Name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()),
        };
        valuesProto.Dims.Add(nnz);
        var indicesProto = new TensorProto
        {
            Name = tensor.Name + "_indices",
            DataType = (int)TensorProto.Types.DataType.Int64,
            RawData = UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(indices.AsSpan()).ToArray()),
        };
        indicesProto.Dims.Add(nnz);
        var sparse = new SparseTensorProto { Values = valuesProto, Indices = indicesProto };
        sparse.Dims.Add(tensor.Proto.Dims);
        return sparse;
    }
}
