using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.IO;
using EdgeInfer.Pruning.Unstructured;
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
    public static ModelStatistics Of(ModelProto model) => Of(model, null);

    /// <summary>As <see cref="Of(ModelProto)"/>, with FLOAT data held outside the protos (initializer index → bytes).</summary>
    internal static ModelStatistics Of(ModelProto model, IReadOnlyDictionary<int, Memory<byte>>? external)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        var statistics = graph.Node.Where(n => n.OpType == "BatchNormalization" && n.Input.Count >= 5)
            .SelectMany(n => new[] { n.Input[3], n.Input[4] }).ToHashSet(StringComparer.Ordinal);
        var counted = Enumerable.Range(0, graph.Initializer.Count)
            .Where(i => !statistics.Contains(graph.Initializer[i].Name)
                && FloatTensor.IsSupported(graph.Initializer[i])
                && FloatTensor.ElementCount(graph.Initializer[i]) > 0)
            .Where(i => external is null || external.ContainsKey(i))
            .ToList();
        var zerosPerTensor = new long[counted.Count];
        Parallel.For(0, counted.Count, i =>
        {
            var index = counted[i];
            var tensor = external is null
                ? FloatTensor.Of(graph.Initializer[index], index)
                : FloatTensor.External(graph.Initializer[index], index, external[index]);
            zerosPerTensor[i] = MagnitudeKernels.CountZeros(tensor.Bits);
        });
        var zeros = zerosPerTensor.Sum();

        var parameters = ParameterCounter.Count(graph);
        return new ModelStatistics(parameters, parameters - zeros, ShapeInference.Run(graph).Macs);
    }
}
