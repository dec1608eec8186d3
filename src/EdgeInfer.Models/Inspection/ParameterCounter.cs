using Onnx;

namespace EdgeInfer.Models.Inspection;

/// <summary>
/// Counts a graph's parameters the way the reference implementations do: every floating-point initializer
/// (conv/linear weights and biases, BatchNorm scale and bias) except BatchNorm running mean and variance
/// (inputs 3 and 4 of BatchNormalization nodes), which are statistics, not learned parameters.
/// Works from the dims alone, so it needs no weight data and reads <c>raw_data</c> and <c>float_data</c> models alike.
/// In quantized (QDQ) models an integer initializer that a <c>DequantizeLinear</c> turns back into weights is a parameter,
/// and the scales and zero points of the <c>QuantizeLinear</c>/<c>DequantizeLinear</c> pairs are not.
/// </summary>
public static class ParameterCounter
{
    /// <summary>The parameter count of <paramref name="graph"/>.</summary>
    public static long Count(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var statistics = new HashSet<string>(StringComparer.Ordinal);
        var quantized = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            if (node.OpType == "BatchNormalization" && node.Input.Count >= 5)
            {
                statistics.Add(node.Input[3]);
                statistics.Add(node.Input[4]);
            }
            else if (node.OpType is "QuantizeLinear" or "DequantizeLinear")
            {
                statistics.UnionWith(node.Input.Skip(1));
                if (node.OpType == "DequantizeLinear" && node.Input.Count > 0)
                {
                    quantized.Add(node.Input[0]);
                }
            }
        }

        long total = 0;
        foreach (var tensor in graph.Initializer)
        {
            if ((IsFloatingPoint(tensor.DataType) || quantized.Contains(tensor.Name)) && !statistics.Contains(tensor.Name))
            {
                total += tensor.Dims.Aggregate(1L, (a, d) => checked(a * d));
            }
        }

        return total;
    }

    /// <summary>True for float, float16, double and bfloat16 element types.</summary>
    public static bool IsFloatingPoint(int dataType) => (TensorProto.Types.DataType)dataType is
        TensorProto.Types.DataType.Float or TensorProto.Types.DataType.Float16 or
        TensorProto.Types.DataType.Double or TensorProto.Types.DataType.Bfloat16;
}
