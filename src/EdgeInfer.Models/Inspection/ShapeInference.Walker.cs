using Onnx;

namespace EdgeInfer.Models.Inspection;

public static partial class ShapeInference
{
    /// <summary>Mutable state of one walk; shape rules per operator.</summary>
    private sealed partial class Walker
    {
        private static readonly HashSet<string> SameShape = new(StringComparer.Ordinal)
        {
            "Relu", "LeakyRelu", "PRelu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Elu", "Selu", "Celu", "Gelu", "Erf",
            "Softplus", "Softsign", "Clip", "Dropout", "Identity", "Softmax", "LogSoftmax", "Exp", "Log", "Sqrt", "Neg", "Abs",
            "Reciprocal", "Floor", "Ceil", "Round", "Cast", "LRN", "InstanceNormalization", "LayerNormalization", "Not", "Sign",
            "BatchNormalization", "Mish", "QuantizeLinear", "DequantizeLinear",
        };

        private static readonly HashSet<string> Broadcast = new(StringComparer.Ordinal)
        {
            "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean", "Equal", "Less", "Greater", "And", "Or", "Where",
        };

        public Dictionary<string, long[]?> Shapes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long[]> Int64Values { get; } = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        public long Macs { get; private set; }

        public bool MacsUnknown { get; private set; }

        public void Visit(NodeProto node)
        {
            var op = node.OpType;
            long[]? result;
            if (SameShape.Contains(op))
            {
                result = In(node, 0);
                if (op == "BatchNormalization")
                {
                    CheckChannels(node, result);
                }
            }
            else if (Broadcast.Contains(op))
            {
                result = Broadcasted(node);
            }
            else
            {
                result = op switch
                {
                    "Conv" => Conv(node),
                    "MaxPool" or "AveragePool" or "LpPool" => Pool(node),
                    "GlobalAveragePool" or "GlobalMaxPool" or "GlobalLpPool" => GlobalPool(In(node, 0)),
                    "Concat" => Concat(node),
                    "Flatten" => Flatten(node),
                    "Gemm" => Gemm(node),
                    "MatMul" => MatMul(node),
                    "Reshape" => Reshape(node),
                    "Transpose" => Transpose(node),
                    "Squeeze" => Squeeze(node),
                    "Unsqueeze" => Unsqueeze(node),
                    "ReduceMean" or "ReduceSum" or "ReduceMax" or "ReduceMin" or "ReduceProd" or "ReduceL2" => Reduce(node),
                    "Pad" => Pad(node),
                    "Constant" => Constant(node),
                    "Shape" => In(node, 0) is { } s ? [s.Length] : null,
                    _ => null,
                };
            }

            foreach (var output in node.Output)
            {
                if (!string.IsNullOrEmpty(output))
                {
                    Shapes[output] = result;
                }
            }
        }

        private long[]? In(NodeProto node, int index)
        {
            if (index >= node.Input.Count || string.IsNullOrEmpty(node.Input[index]))
            {
                return null;
            }

            var name = node.Input[index];
            if (!Shapes.TryGetValue(name, out var shape))
            {
                throw new InvalidOperationException($"input '{name}' is not produced by an earlier node, an initializer or a graph input.");
            }

            return shape;
        }

        private static bool Static(long[]? shape) => shape is not null && shape.All(d => d >= 0);

        private void AddMacs(bool known, long macs)
        {
            if (known)
            {
                Macs = checked(Macs + macs);
            }
            else
            {
                MacsUnknown = true;
            }
        }

        private void CheckChannels(NodeProto node, long[]? x)
        {
            if (x is { Length: > 1 } && x[1] >= 0 && In(node, 1) is [var c] && c != x[1])
            {
                Problems.Add($"BatchNormalization '{NodeName(node)}': input has {x[1]} channels but scale has {c}.");
            }
        }

        private long[]? Broadcasted(NodeProto node)
        {
            long[]? result = [];
            for (var i = 0; i < node.Input.Count; i++)
            {
                var s = In(node, i);
                if (s is null || result is null)
                {
                    result = null;
                    continue;
                }

                var rank = Math.Max(result.Length, s.Length);
                var merged = new long[rank];
                for (var k = 0; k < rank; k++)
                {
                    var a = k - (rank - result.Length) >= 0 ? result[k - (rank - result.Length)] : 1;
                    var b = k - (rank - s.Length) >= 0 ? s[k - (rank - s.Length)] : 1;
                    merged[k] = a == 1 ? b : b == 1 ? a : a < 0 ? b : b < 0 ? a : a == b ? a
                        : throw new InvalidOperationException($"shapes [{Format(result)}] and [{Format(s)}] do not broadcast.");
                }

                result = merged;
            }

            return result;
        }

        private long[]? Concat(NodeProto node)
        {
            var shapes = Enumerable.Range(0, node.Input.Count).Select(i => In(node, i)).ToList();
            if (shapes.Any(s => s is null))
            {
                return null;
            }

            var rank = shapes[0]!.Length;
            var axis = Axis(Attributes.Int(node, "axis", 1), rank);
            var output = (long[])shapes[0]!.Clone();
            foreach (var s in shapes.Skip(1))
            {
                if (s!.Length != rank || Enumerable.Range(0, rank).Any(k => k != axis && s[k] >= 0 && output[k] >= 0 && s[k] != output[k]))
                {
                    throw new InvalidOperationException($"inputs [{Format(shapes[0])}] and [{Format(s)}] differ off axis {axis}.");
                }

                output[axis] = output[axis] < 0 || s[axis] < 0 ? -1 : output[axis] + s[axis];
            }

            return output;
        }

        private long[]? Flatten(NodeProto node)
        {
            var x = In(node, 0);
            if (x is null)
            {
                return null;
            }

            var axis = Axis(Attributes.Int(node, "axis", 1), x.Length + 1);
            return [Product(x[..axis]), Product(x[axis..])];
        }

        private long[]? Gemm(NodeProto node)
        {
            var a = In(node, 0);
            var b = In(node, 1);
            if (a is not { Length: 2 } || b is not { Length: 2 })
            {
                AddMacs(false, 0);
                return null;
            }

            var (m, ka) = Attributes.Int(node, "transA", 0) != 0 ? (a[1], a[0]) : (a[0], a[1]);
            var (kb, n) = Attributes.Int(node, "transB", 0) != 0 ? (b[1], b[0]) : (b[0], b[1]);
            if (ka >= 0 && kb >= 0 && ka != kb)
            {
                throw new InvalidOperationException($"inner dimensions differ: A has {ka}, B has {kb}.");
            }

            long[] output = [m, n];
            AddMacs(Static(output) && ka >= 0, m * n * ka);
            return output;
        }

        private long[]? MatMul(NodeProto node)
        {
            var a = In(node, 0);
            var b = In(node, 1);
            if (a is null || b is null || a.Length == 0 || b.Length == 0)
            {
                AddMacs(false, 0);
                return null;
            }

            var a2 = a.Length == 1 ? [1, a[0]] : a;
            var b2 = b.Length == 1 ? [b[0], 1] : b;
            var k = a2[^1];
            if (k >= 0 && b2[^2] >= 0 && k != b2[^2])
            {
                throw new InvalidOperationException($"inner dimensions differ: {k} and {b2[^2]}.");
            }

            var batchRank = Math.Max(a2.Length, b2.Length) - 2;
            var batch = new long[batchRank];
            for (var i = 0; i < batchRank; i++)
            {
                var da = i - (batchRank - (a2.Length - 2)) >= 0 ? a2[i - (batchRank - (a2.Length - 2))] : 1;
                var db = i - (batchRank - (b2.Length - 2)) >= 0 ? b2[i - (batchRank - (b2.Length - 2))] : 1;
                batch[i] = da == 1 ? db : db == 1 ? da : da < 0 || db < 0 ? -1 : da == db ? da
                    : throw new InvalidOperationException($"batch dims [{Format(a)}] and [{Format(b)}] do not broadcast.");
            }

            long[] full = [.. batch, a2[^2], b2[^1]];
            AddMacs(Static(full) && k >= 0, Product(full) * k);
            var output = new List<long>(batch);
            if (a.Length > 1)
            {
                output.Add(a2[^2]);
            }

            if (b.Length > 1)
            {
                output.Add(b2[^1]);
            }

            return [.. output];
        }

        private static int Axis(long axis, int rank) =>
            axis < -rank || axis >= rank
                ? throw new InvalidOperationException($"axis {axis} is out of range for rank {rank}.")
                : (int)(axis < 0 ? axis + rank : axis);

        private static long Product(IEnumerable<long> dims) => dims.Any(d => d < 0) ? -1 : dims.Aggregate(1L, (a, d) => a * d);
    }
}
