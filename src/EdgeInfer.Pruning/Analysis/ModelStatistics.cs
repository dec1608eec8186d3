using EdgeInfer.Pruning.IO;
using Onnx;

namespace EdgeInfer.Pruning.Analysis;

/// <summary>
/// Size and compute of an ONNX model for one inference (batch as declared, symbolic dims taken as 1).
/// </summary>
/// <param name="Parameters">Elements of every initializer (dense and sparse).</param>
/// <param name="NonZeroParameters">Initializer elements that are not zero (FLOAT tensors counted exactly, others as all non-zero).</param>
/// <param name="Macs">Multiply-accumulates of Conv (N·M·C/g·kH·kW·H_out·W_out), Gemm and MatMul (M·K·N); other operators count 0.</param>
public sealed record ModelStatistics(long Parameters, long NonZeroParameters, long Macs)
{
    /// <summary>Counts parameters and infers shapes through the graph to count MACs.</summary>
    public static ModelStatistics Of(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        long parameters = 0;
        long nonZero = 0;
        foreach (var tensor in graph.Initializer)
        {
            var count = FloatTensor.ElementCount(tensor);
            parameters += count;
            nonZero += FloatTensor.IsSupported(tensor) && count > 0 ? count - CountZeros(FloatTensor.Of(tensor, 0)) : count;
        }

        foreach (var sparse in graph.SparseInitializer)
        {
            parameters += sparse.Dims.Aggregate(1L, (a, b) => a * b);
            nonZero += sparse.Values is null ? 0 : FloatTensor.ElementCount(sparse.Values);
        }

        return new ModelStatistics(parameters, nonZero, ShapeWalker.CountMacs(graph));
    }

    private static long CountZeros(FloatTensor tensor)
    {
        long zeros = 0;
        foreach (var bits in tensor.Bits)
        {
            zeros += (bits & 0x7FFF_FFFF) == 0 ? 1 : 0;
        }

        return zeros;
    }
}
