using Onnx;

namespace EdgeInfer.Pruning.Analysis;

/// <summary>
/// A small shape inference over the operators of CNN classifiers (Conv, pools, BatchNormalization, element-wise,
/// Concat, Flatten, Reshape, Gemm, MatMul) that counts MACs. Unknown operators are assumed to keep the shape of
/// their first input.
/// </summary>
internal static class ShapeWalker
{
    public static long CountMacs(GraphProto graph)
    {
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var constants = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var t in graph.Initializer)
        {
            shapes[t.Name] = [.. t.Dims];
            constants[t.Name] = t;
        }

        foreach (var s in graph.SparseInitializer)
        {
            shapes[s.Values.Name] = [.. s.Dims];
        }

        foreach (var input in graph.Input)
        {
            if (!shapes.ContainsKey(input.Name) && input.Type?.TensorType?.Shape is { } shape)
            {
                shapes[input.Name] = [.. shape.Dim.Select(d => d.DimValue > 0 ? d.DimValue : 1)];
            }
        }

        long macs = 0;
        foreach (var node in graph.Node)
        {
            var inputs = node.Input.Select(i => shapes.GetValueOrDefault(i)).ToArray();
            if (inputs.Length == 0 || inputs[0] is null)
            {
                continue;
            }

            var (output, nodeMacs) = Infer(node, inputs!, constants);
            macs += nodeMacs;
            foreach (var o in node.Output)
            {
                shapes[o] = output;
            }
        }

        return macs;
    }

    private static (long[] Shape, long Macs) Infer(NodeProto node, long[]?[] inputs, Dictionary<string, TensorProto> constants)
    {
        var x = inputs[0]!;
        switch (node.OpType)
        {
            case "Conv" when inputs.Length > 1 && inputs[1] is { } w && x.Length == 4:
            {
                var y = Pool(node, x, w[2], w[3]);
                y[1] = w[0];
                return (y, y[0] * w[0] * w[1] * w[2] * w[3] * y[2] * y[3]);
            }

            case "MaxPool" or "AveragePool" when x.Length == 4:
            {
                var k = Ints(node, "kernel_shape") ?? [1, 1];
                return (Pool(node, x, k[0], k[1]), 0);
            }

            case "GlobalAveragePool" or "GlobalMaxPool":
                return ([x[0], x[1], .. Enumerable.Repeat(1L, x.Length - 2)], 0);
            case "Concat":
            {
                var axis = (int)Int(node, "axis", 1);
                axis = axis < 0 ? axis + x.Length : axis;
                var y = (long[])x.Clone();
                y[axis] = inputs.Sum(i => i?[axis] ?? 0);
                return (y, 0);
            }

            case "Flatten":
            {
                var axis = (int)Int(node, "axis", 1);
                axis = axis < 0 ? axis + x.Length : axis;
                return ([x.Take(axis).Aggregate(1L, (a, b) => a * b), x.Skip(axis).Aggregate(1L, (a, b) => a * b)], 0);
            }

            case "Reshape" when node.Input.Count > 1 && constants.TryGetValue(node.Input[1], out var target):
                return (Reshape(x, target), 0);
            case "Gemm" when inputs.Length > 1 && inputs[1] is { } b:
            {
                var m = Int(node, "transA", 0) == 1 ? x[1] : x[0];
                var k = Int(node, "transA", 0) == 1 ? x[0] : x[1];
                var n = Int(node, "transB", 0) == 1 ? b[0] : b[1];
                return ([m, n], m * k * n);
            }

            case "MatMul" when inputs.Length > 1 && inputs[1] is { Length: >= 2 } b:
            {
                var rows = x.Length >= 2 ? x[..^1].Aggregate(1L, (p, d) => p * d) : 1;
                long[] y = [.. x[..^1], b[^1]];
                return (y, rows * x[^1] * b[^1]);
            }

            case "Add" or "Mul" or "Sub" or "Div" when inputs.Length > 1 && inputs[1] is { } other && other.Length > x.Length:
                return (other, 0);
            default:
                return (x, 0);
        }
    }

    private static long[] Pool(NodeProto node, long[] x, long kh, long kw)
    {
        var strides = Ints(node, "strides") ?? [1, 1];
        var pads = Ints(node, "pads") ?? [0, 0, 0, 0];
        var dilations = Ints(node, "dilations") ?? [1, 1];
        var autoPad = node.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8() ?? "NOTSET";
        long Out(long size, long k, long s, long d, long padBegin, long padEnd) => autoPad is "SAME_UPPER" or "SAME_LOWER"
            ? (size + s - 1) / s
            : ((size + padBegin + padEnd - (d * (k - 1)) - 1) / s) + 1;
        return [x[0], x[1], Out(x[2], kh, strides[0], dilations[0], pads[0], pads[2]), Out(x[3], kw, strides[1], dilations[1], pads[1], pads[3])];
    }

    private static long[] Reshape(long[] x, TensorProto target)
    {
        long[] dims = target.Int64Data.Count > 0 ? [.. target.Int64Data] : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(target.RawData.Span).ToArray();
        var total = x.Aggregate(1L, (a, b) => a * b);
        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = dims[i] == 0 && i < x.Length ? x[i] : dims[i];
        }

        var known = dims.Where(d => d > 0).Aggregate(1L, (a, b) => a * b);
        return [.. dims.Select(d => d < 0 ? total / Math.Max(1, known) : d)];
    }

    private static long[]? Ints(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name)?.Ints.ToArray();

    private static long Int(NodeProto node, string name, long fallback) => node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;
}
