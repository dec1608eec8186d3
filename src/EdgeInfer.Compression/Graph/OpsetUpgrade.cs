using EdgeInfer.Core;
using Onnx;

namespace EdgeInfer.Compression.Graph;

/// <summary>
/// Raises a model's default-domain opset import to a wanted version (13 for per-axis <c>QuantizeLinear</c> /
/// <c>DequantizeLinear</c>) when it is lower, but only where that cannot change what the model computes: every operator
/// must be one whose meaning is the same from opset 7 to 13 for the attributes it has. Two known differences are
/// rewritten: <c>BatchNormalization</c> loses its <c>spatial</c> attribute (removed in opset 9; only the default
/// <c>spatial = 1</c> is kept), and <c>Dropout</c> (its ratio moved from attribute to input in opset 12) is removed,
/// being the identity at inference. Anything else (Clip, Pad, Softmax, Squeeze, Upsample, …, whose inputs or
/// semantics changed) is refused rather than guessed.
/// </summary>
internal static class OpsetUpgrade
{
    /// <summary>The oldest opset raised: below 7, Add/Mul/Sub/Gemm still had the <c>broadcast</c> attribute.</summary>
    public const long OldestRaised = 7;

    /// <summary>The IR version that goes with opset 13.</summary>
    public const long IrVersionForOpset13 = 7;

    /// <summary>Operators whose behaviour at the attributes they carry is the same in every opset from 7 to 13.</summary>
    private static readonly HashSet<string> Stable = new(StringComparer.Ordinal)
    {
        "Conv", "BatchNormalization", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Add", "Sub", "Mul", "Div", "Sum",
        "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Flatten", "Gemm", "MatMul", "Concat",
        "Identity", "Transpose", "Reshape", "Dropout",
    };

    /// <summary>The model's default-domain opset (1 when it imports none, as ONNX reads it).</summary>
    public static long DefaultOpset(ModelProto model) =>
        model.OpsetImport.FirstOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")?.Version ?? 1;

    /// <summary>
    /// Raises the default-domain opset of <paramref name="model"/> to at least <paramref name="wanted"/> in place; does
    /// nothing when it is already there. Returns the opset before.
    /// </summary>
    /// <exception cref="EdgeInferInputException">The model's opset is below 7, or an operator changed meaning on the way.</exception>
    public static long RaiseInPlace(ModelProto model, long wanted)
    {
        var before = DefaultOpset(model);
        if (before >= wanted)
        {
            return before;
        }

        var problems = Problems(model.Graph, before, wanted);
        if (problems.Count > 0)
        {
            throw new EdgeInferInputException(
                $"Cannot raise the model's opset from {before} to {wanted} safely: " + string.Join("; ", problems) + ".");
        }

        RemoveDropouts(model.Graph);
        foreach (var bn in model.Graph.Node.Where(n => n.OpType == "BatchNormalization"))
        {
            if (bn.Attribute.FirstOrDefault(a => a.Name == "spatial") is { } spatial)
            {
                bn.Attribute.Remove(spatial);
            }
        }

        var import = model.OpsetImport.FirstOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx");
        if (import is null)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = wanted });
        }
        else
        {
            import.Version = wanted;
        }

        model.IrVersion = Math.Max(model.IrVersion, IrVersionForOpset13);
        return before;
    }

    private static List<string> Problems(GraphProto graph, long before, long wanted)
    {
        var problems = new List<string>();
        if (before < OldestRaised)
        {
            problems.Add($"opsets below {OldestRaised} are not raised (Add, Mul, Sub and Gemm changed their broadcasting)");
        }

        foreach (var op in graph.Node.Where(n => n.Domain.Length == 0 || n.Domain == "ai.onnx").Select(n => n.OpType).Distinct())
        {
            if (!Stable.Contains(op))
            {
                problems.Add($"operator {op} changed between opsets {before} and {wanted}, or is not known to be unchanged");
            }
        }

        if (graph.Node.Any(n => n.OpType == "BatchNormalization" && TensorUses.Int(n, "spatial", 1) != 1))
        {
            problems.Add("a BatchNormalization uses spatial = 0, which opset 9 removed");
        }

        if (graph.Node.Any(n => n.OpType == "Dropout" && n.Output.Skip(1).Any(o => o.Length > 0)))
        {
            problems.Add("a Dropout's mask output is used");
        }

        return problems;
    }

    /// <summary>Dropout is the identity at inference: its readers read its input instead.</summary>
    private static void RemoveDropouts(GraphProto graph)
    {
        foreach (var dropout in graph.Node.Where(n => n.OpType == "Dropout").ToList())
        {
            var input = dropout.Input[0];
            var output = dropout.Output[0];
            if (graph.Output.Any(o => o.Name == output))
            {
                dropout.OpType = "Identity";
                dropout.Attribute.Clear();
                while (dropout.Input.Count > 1)
                {
                    dropout.Input.RemoveAt(dropout.Input.Count - 1);
                }

                while (dropout.Output.Count > 1)
                {
                    dropout.Output.RemoveAt(dropout.Output.Count - 1);
                }

                continue;
            }

            foreach (var node in graph.Node)
            {
                for (var i = 0; i < node.Input.Count; i++)
                {
                    if (node.Input[i] == output)
                    {
                        node.Input[i] = input;
                    }
                }
            }

            graph.Node.Remove(dropout);
        }
    }
}
