using Onnx;

namespace EdgeInfer.Models.Inspection;

/// <summary>
/// A static shape walker over an ONNX graph in node order (ONNX requires topological order). It models the operators
/// of CNN classifiers (Conv, BatchNormalization, pools, elementwise ops with broadcasting, Concat, Flatten, Reshape,
/// Transpose, Squeeze/Unsqueeze, reductions, Pad, Gemm, MatMul, …) and counts multiply-accumulates:
/// Conv: N·M·∏out·(C/group)·∏k; Gemm: M·N·K; MatMul: ∏batch·M·N·K.
/// A symbolic first input dimension is taken as the batch size; other symbolic dims stay unknown (−1).
/// </summary>
public static partial class ShapeInference
{
    /// <summary>Walks <paramref name="graph"/> at batch size <paramref name="batchSize"/> (≥ 1).</summary>
    public static ShapeInferenceResult Run(GraphProto graph, long batchSize = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var walker = new Walker();
        foreach (var init in graph.Initializer)
        {
            walker.Shapes[init.Name] = [.. init.Dims];
            if ((TensorProto.Types.DataType)init.DataType == TensorProto.Types.DataType.Int64)
            {
                walker.Int64Values[init.Name] = TensorData.ReadInt64(init);
            }
        }

        foreach (var input in graph.Input)
        {
            if (!walker.Shapes.ContainsKey(input.Name))
            {
                walker.Shapes[input.Name] = InputShape(input, batchSize);
            }
        }

        foreach (var node in graph.Node)
        {
            try
            {
                walker.Visit(node);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException)
            {
                walker.Problems.Add($"{node.OpType} '{NodeName(node)}': {ex.Message}");
                foreach (var o in node.Output)
                {
                    walker.Shapes[o] = null;
                }
            }
        }

        foreach (var output in graph.Output)
        {
            var declared = InputShape(output, batchSize);
            var inferred = walker.Shapes.GetValueOrDefault(output.Name);
            if (declared is not null && inferred is not null && !Compatible(declared, inferred))
            {
                walker.Problems.Add($"output '{output.Name}' is declared [{Format(declared)}] but computes to [{Format(inferred)}].");
            }
        }

        return new ShapeInferenceResult(walker.Shapes, walker.MacsUnknown ? null : walker.Macs, walker.Problems);
    }

    /// <summary>Formats a shape as <c>1,3,224,224</c> with <c>?</c> for unknown dims.</summary>
    public static string Format(long[]? shape) =>
        shape is null ? "?" : string.Join(",", shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal static string NodeName(NodeProto node) => string.IsNullOrEmpty(node.Name) ? (node.Output.FirstOrDefault() ?? "?") : node.Name;

    private static long[]? InputShape(ValueInfoProto value, long batchSize)
    {
        if (value.Type?.TensorType is not { } tensor || tensor.Shape is null)
        {
            return null;
        }

        var dims = new long[tensor.Shape.Dim.Count];
        for (var i = 0; i < dims.Length; i++)
        {
            var d = tensor.Shape.Dim[i];
            dims[i] = d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && d.DimValue > 0
                ? d.DimValue
                : i == 0 ? batchSize : -1;
        }

        return dims;
    }

    private static bool Compatible(long[] a, long[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First < 0 || p.Second < 0 || p.First == p.Second);
}
