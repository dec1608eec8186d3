using EdgeInfer.Compression.Graph;
using EdgeInfer.Models;
using Onnx;

namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// What gets quantized in a graph, decided from its structure alone, in the pattern ONNX Runtime's QDQ transformers
/// fuse on the CPU:
/// <list type="bullet">
/// <item>Every Conv and Gemm with constant float weights (Gemm: transA = 0, alpha = 1, beta = 1 or no C) gets its
/// activation input and its output quantized; its weights and bias get DequantizeLinear from int8/int32.</item>
/// <item>A node's quantized output is moved past a Relu that alone reads it (Conv → Relu → Q): ORT then finds the Relu
/// made redundant by the Q (zero point 0) and fuses DQ → Conv → Relu → Q into one QLinearConv.</item>
/// <item>Add with two activation inputs, one of them already quantized → QLinearAdd (both inputs and the output quantized).</item>
/// <item>AveragePool and GlobalAveragePool on a quantized input → QLinearAveragePool / QLinearGlobalAveragePool.</item>
/// <item>MaxPool, Flatten, Reshape, Transpose, Squeeze, Unsqueeze on a quantized input get their output quantized with
/// the input's own scale and zero point, so ORT drops the pair and runs them on the uint8 tensor.</item>
/// <item>Everything else (Concat, BatchNormalization that could not be folded, the preprocessing Sub, the head's
/// standardisation) stays float: it reads the DequantizeLinear of a quantized tensor, or its own float input.</item>
/// </list>
/// Graph outputs are never quantized (a Gemm producing the logits becomes a QGemm with float output).
/// </summary>
internal sealed class QuantizationPlan
{
    private static readonly HashSet<string> SameScale = new(StringComparer.Ordinal)
    {
        "MaxPool", "Flatten", "Reshape", "Transpose", "Squeeze", "Unsqueeze",
    };

    private readonly List<string> activations = [];
    private readonly HashSet<string> quantized = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> sharesWith = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> nodeCounts = new(StringComparer.Ordinal);

    private QuantizationPlan(TensorUses uses)
    {
        Uses = uses;
    }

    public TensorUses Uses { get; }

    /// <summary>The Conv and Gemm nodes whose weights become int8, in graph order.</summary>
    public List<NodeProto> Weighted { get; } = [];

    /// <summary>The activation tensors that get a QuantizeLinear/DequantizeLinear pair, in the order they were planned.</summary>
    public IReadOnlyList<string> Activations => activations;

    /// <summary>Quantized nodes by operator type (Relus absorbed into the node before them counted as <c>Relu</c>).</summary>
    public IReadOnlyDictionary<string, int> NodeCounts => nodeCounts;

    /// <summary>Conv nodes left in float (weights not constant, or an unusual form).</summary>
    public int FloatConvs { get; private set; }

    /// <summary>Gemm and MatMul nodes left in float.</summary>
    public int FloatGemms { get; private set; }

    /// <summary>Builds the plan for <paramref name="graph"/> (topologically sorted, as ONNX requires).</summary>
    public static QuantizationPlan Build(GraphProto graph, bool quantizeGemm)
    {
        var plan = new QuantizationPlan(new TensorUses(graph));
        foreach (var node in graph.Node)
        {
            if (plan.IsWeighted(node, quantizeGemm))
            {
                plan.Weighted.Add(node);
                plan.Mark(node.Input[0]);
                plan.MarkOutput(node);
                plan.Count(node.OpType);
            }
            else if (node.OpType == "Conv")
            {
                plan.FloatConvs++;
            }
            else if (node.OpType is "Gemm" or "MatMul")
            {
                plan.FloatGemms++;
            }
        }

        foreach (var node in graph.Node.Where(n => n.Domain.Length == 0))
        {
            plan.PlanOther(node);
        }

        return plan;
    }

    /// <summary>The tensor whose scale and zero point <paramref name="tensor"/> uses (itself unless it shares).</summary>
    public string Root(string tensor)
    {
        while (sharesWith.TryGetValue(tensor, out var other))
        {
            tensor = other;
        }

        return tensor;
    }

    private void PlanOther(NodeProto node)
    {
        var activationInputs = node.Input.Where(i => i.Length > 0 && !Uses.Initializers.ContainsKey(i)).ToList();
        switch (node.OpType)
        {
            case "Add" when activationInputs.Count == 2 && node.Input.Count == 2 && activationInputs.Any(quantized.Contains):
                activationInputs.ForEach(Mark);
                if (MarkOutput(node))
                {
                    Count(node.OpType);
                }

                break;
            case "Concat" when activationInputs.Count == node.Input.Count && activationInputs.All(quantized.Contains):
                if (MarkOutput(node))
                {
                    Count(node.OpType);
                }

                break;
            case "AveragePool" or "GlobalAveragePool" when node.Output.Count == 1 && quantized.Contains(node.Input[0]):
                if (MarkOutput(node))
                {
                    Count(node.OpType);
                }

                break;
            case var op when SameScale.Contains(op) && node.Output.Count(o => o.Length > 0) == 1 && quantized.Contains(node.Input[0])
                && !Uses.GraphOutputs.Contains(node.Output[0]):
                Mark(node.Output[0]);
                sharesWith[node.Output[0]] = node.Input[0];
                Count(op);
                break;
        }
    }

    private bool IsWeighted(NodeProto node, bool quantizeGemm)
    {
        if (node.Domain.Length > 0 || node.Input.Count < 2 || node.Output.Count != 1 || Uses.Initializers.ContainsKey(node.Input[0]))
        {
            return false;
        }

        var weight = Uses.FloatInitializer(node.Input[1]);
        var bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? node.Input[2] : null;
        switch (node.OpType)
        {
            case "Conv":
                return weight is { Dims.Count: >= 3 } && (bias is null || BiasOf(bias, weight.Dims[0]));
            case "Gemm" when quantizeGemm && weight is { Dims.Count: 2 }:
                var transB = TensorUses.Int(node, "transB", 0) != 0;
                return TensorUses.Int(node, "transA", 0) == 0
                    && TensorUses.Float(node, "alpha", 1f) == 1f
                    && (bias is null || (TensorUses.Float(node, "beta", 1f) == 1f && BiasOf(bias, weight.Dims[transB ? 0 : 1])));
            default:
                return false;
        }
    }

    /// <summary>A float initializer of <paramref name="channels"/> values (shape [M] or [1, M]).</summary>
    private bool BiasOf(string name, long channels) =>
        Uses.FloatInitializer(name) is { } b && TensorData.ElementCount(b) == channels && b.Dims.Take(b.Dims.Count - 1).All(d => d == 1);

    /// <summary>Marks the node's output, or the output of a Relu that alone reads it; false when it is a graph output.</summary>
    private bool MarkOutput(NodeProto node)
    {
        var output = node.Output[0];
        if (Uses.SingleConsumer(output) is { OpType: "Relu", Domain.Length: 0 } relu && !Uses.GraphOutputs.Contains(relu.Output[0]))
        {
            output = relu.Output[0];
            Count("Relu");
        }

        if (Uses.GraphOutputs.Contains(output))
        {
            return node.OpType is "Conv" or "Gemm";
        }

        Mark(output);
        return true;
    }

    private void Mark(string tensor)
    {
        if (!Uses.GraphOutputs.Contains(tensor) && !Uses.Initializers.ContainsKey(tensor) && quantized.Add(tensor))
        {
            activations.Add(tensor);
        }
    }

    private void Count(string op) => nodeCounts[op] = nodeCounts.GetValueOrDefault(op) + 1;
}
