using Onnx;

namespace EdgeInfer.Models.Inspection;

public static partial class ShapeInference
{
    /// <summary>Shape rules of the layout operators (reshape, transpose, squeeze, reductions, pad, constants).</summary>
    private sealed partial class Walker
    {
        private long[]? Constant(NodeProto node)
        {
            var value = node.Attribute.FirstOrDefault(a => a.Name == "value")?.T;
            if (value is null)
            {
                return null;
            }

            if ((TensorProto.Types.DataType)value.DataType == TensorProto.Types.DataType.Int64)
            {
                Int64Values[node.Output[0]] = TensorData.ReadInt64(value);
            }

            return [.. value.Dims];
        }

        private long[]? Reshape(NodeProto node)
        {
            var x = In(node, 0);
            if (node.Input.Count < 2 || !Int64Values.TryGetValue(node.Input[1], out var target))
            {
                return null;
            }

            var output = new long[target.Length];
            var inferred = -1;
            for (var i = 0; i < target.Length; i++)
            {
                output[i] = target[i] switch
                {
                    0 when Attributes.Int(node, "allowzero", 0) == 0 => x is not null && i < x.Length ? x[i] : -1,
                    -1 => -1,
                    _ => target[i],
                };
                if (target[i] == -1)
                {
                    inferred = i;
                }
            }

            if (inferred >= 0 && x is not null && x.All(d => d >= 0))
            {
                var known = output.Where((d, i) => i != inferred).Aggregate(1L, (a, d) => d < 0 ? -1 : a * d);
                if (known > 0)
                {
                    output[inferred] = Product(x) / known;
                }
            }

            return output;
        }

        private long[]? Transpose(NodeProto node)
        {
            var x = In(node, 0);
            if (x is null)
            {
                return null;
            }

            var perm = Attributes.Ints(node, "perm") ?? Enumerable.Range(0, x.Length).Reverse().Select(i => (long)i).ToArray();
            return [.. perm.Select(p => x[p])];
        }

        private long[]? AxesOf(NodeProto node, int inputIndex)
        {
            if (Attributes.Ints(node, "axes") is { } attr)
            {
                return attr;
            }

            return node.Input.Count > inputIndex && Int64Values.TryGetValue(node.Input[inputIndex], out var axes) ? axes : null;
        }

        private long[]? Squeeze(NodeProto node)
        {
            var x = In(node, 0);
            if (x is null)
            {
                return null;
            }

            var axes = AxesOf(node, 1);
            if (axes is null)
            {
                return x.Any(d => d < 0) ? null : [.. x.Where(d => d != 1)];
            }

            var drop = axes.Select(a => Axis(a, x.Length)).ToHashSet();
            return [.. x.Where((_, i) => !drop.Contains(i))];
        }

        private long[]? Unsqueeze(NodeProto node)
        {
            var x = In(node, 0);
            var axes = AxesOf(node, 1);
            if (x is null || axes is null)
            {
                return null;
            }

            var rank = x.Length + axes.Length;
            var insert = axes.Select(a => Axis(a, rank)).ToHashSet();
            var output = new long[rank];
            var source = 0;
            for (var i = 0; i < rank; i++)
            {
                output[i] = insert.Contains(i) ? 1 : x[source++];
            }

            return output;
        }

        private long[]? Reduce(NodeProto node)
        {
            var x = In(node, 0);
            if (x is null)
            {
                return null;
            }

            var axes = AxesOf(node, 1);
            var reduced = axes is null || axes.Length == 0
                ? Enumerable.Range(0, x.Length).ToHashSet()
                : axes.Select(a => Axis(a, x.Length)).ToHashSet();
            var keep = Attributes.Int(node, "keepdims", 1) != 0;
            return keep
                ? [.. x.Select((d, i) => reduced.Contains(i) ? 1 : d)]
                : [.. x.Where((_, i) => !reduced.Contains(i))];
        }

        private long[]? Pad(NodeProto node)
        {
            var x = In(node, 0);
            var pads = Attributes.Ints(node, "pads") ?? (node.Input.Count > 1 && Int64Values.TryGetValue(node.Input[1], out var p) ? p : null);
            if (x is null || pads is null || pads.Length != 2 * x.Length)
            {
                return null;
            }

            return [.. x.Select((d, i) => d < 0 ? -1 : d + pads[i] + pads[i + x.Length])];
        }
    }
}
