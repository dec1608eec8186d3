using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.IO;
using Onnx;

namespace EdgeInfer.Pruning.Analysis;

/// <summary>
/// Size and compute of an ONNX model for one inference, counted as the model repository counts them
/// (<see cref="ParameterCounter"/> and <see cref="ShapeInference"/>).
/// </summary>
/// <param name="Parameters">Learned parameters: floating-point initializers except BatchNorm running mean and variance.</param>
/// <param name="NonZeroParameters">Those parameters that are not zero (what unstructured pruning reduces).</param>
/// <param name="Macs">Multiply-accumulates of Conv, Gemm and MatMul at batch 1; null when shapes are not static.</param>
public sealed record ModelStatistics(long Parameters, long NonZeroParameters, long? Macs)
{
    /// <summary>Counts parameters, their zeros, and MACs.</summary>
    public static ModelStatistics Of(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var statistics = graph.Node.Where(n => n.OpType == "BatchNormalization" && n.Input.Count >= 5)
            .SelectMany(n => new[] { n.Input[3], n.Input[4] }).ToHashSet(StringComparer.Ordinal);
        long zeros = 0;
        foreach (var tensor in graph.Initializer)
        {
            if (!statistics.Contains(tensor.Name) && FloatTensor.IsSupported(tensor) && FloatTensor.ElementCount(tensor) > 0)
            {
                zeros += CountZeros(FloatTensor.Of(tensor, 0));
            }
        }

        var parameters = ParameterCounter.Count(graph);
        return new ModelStatistics(parameters, parameters - zeros, ShapeInference.Run(graph).Macs);
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
