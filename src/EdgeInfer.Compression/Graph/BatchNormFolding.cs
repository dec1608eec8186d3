using EdgeInfer.Models;
using Onnx;

namespace EdgeInfer.Compression.Graph;

/// <summary>
/// Folds every <c>Conv → BatchNormalization</c> pair into the Conv's weights and bias, as inference computes it:
/// with s = γ / √(σ² + ε) per output channel, W′ = s·W and b′ = s·(b − μ) + β, so Conv′(x) = BN(Conv(x)) up to float
/// rounding (the arithmetic is done in double). Quantized convolutions need it: ONNX Runtime fuses
/// <c>DequantizeLinear → Conv → QuantizeLinear</c> into an integer kernel only when nothing sits between the Conv and the
/// Q, and a per-channel weight scale has to describe the weights the kernel really multiplies by.
/// </summary>
/// <remarks>
/// A BatchNormalization is left alone when its input is not a Conv's output read by it alone (pre-activation BNs,
/// DenseNet's BN after a Concat), when any of its parameters or the Conv's weights are not constant float initializers
/// of the right size, when it runs in training mode or uses the old per-activation form (<c>spatial = 0</c>), or when
/// it has more than one output in use.
/// </remarks>
public static class BatchNormFolding
{
    /// <summary>Folds every foldable pair of <paramref name="model"/> in place; returns how many BatchNormalizations were removed.</summary>
    /// <param name="model">The model; its graph is changed (nodes, initializers).</param>
    /// <returns>The number of BatchNormalization nodes folded away (0 when there is none to fold).</returns>
    public static int FoldInPlace(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw new ArgumentException("The model has no graph.", nameof(model));
        var uses = new TensorUses(graph);
        var names = new HashSet<string>(graph.Initializer.Select(t => t.Name), StringComparer.Ordinal);
        names.UnionWith(graph.Node.SelectMany(n => n.Output));
        var folded = new List<NodeProto>();
        foreach (var bn in graph.Node.Where(n => n.OpType == "BatchNormalization" && n.Domain.Length == 0).ToList())
        {
            if (Foldable(bn, uses) is { } conv && Fold(graph, conv, bn, uses, names))
            {
                folded.Add(bn);
            }
        }

        foreach (var bn in folded)
        {
            graph.Node.Remove(bn);
        }

        if (folded.Count > 0)
        {
            TensorUses.RemoveUnusedInitializers(graph);
        }

        return folded.Count;
    }

    /// <summary>The Conv feeding <paramref name="bn"/> when the pair can be folded, else null.</summary>
    private static NodeProto? Foldable(NodeProto bn, TensorUses uses)
    {
        if (bn.Input.Count != 5 || bn.Output.Skip(1).Any(o => o.Length > 0)
            || TensorUses.Int(bn, "training_mode", 0) != 0 || TensorUses.Int(bn, "spatial", 1) != 1)
        {
            return null;
        }

        var conv = uses.Producer(bn.Input[0]);
        if (conv is not { OpType: "Conv", Domain.Length: 0 } || conv.Output.Count != 1 || uses.SingleConsumer(conv.Output[0]) != bn
            || uses.FloatInitializer(conv.Input[1]) is not { Dims.Count: >= 3 } weight)
        {
            return null;
        }

        var channels = weight.Dims[0];
        for (var i = 1; i < 5; i++)
        {
            if (uses.FloatInitializer(bn.Input[i]) is not { } p || TensorData.ElementCount(p) != channels)
            {
                return null;
            }
        }

        var hasBias = conv.Input.Count > 2 && conv.Input[2].Length > 0;
        return !hasBias || uses.FloatInitializer(conv.Input[2]) is { } b && TensorData.ElementCount(b) == channels ? conv : null;
    }

    /// <summary>Rewrites the Conv's weights and bias and makes it produce the BN's output.</summary>
    private static bool Fold(GraphProto graph, NodeProto conv, NodeProto bn, TensorUses uses, HashSet<string> names)
    {
        var weight = uses.Initializers[conv.Input[1]];
        var w = TensorData.ReadFloats(weight);
        var channels = (int)weight.Dims[0];
        var perChannel = w.Length / channels;
        var gamma = TensorData.ReadFloats(uses.Initializers[bn.Input[1]]);
        var beta = TensorData.ReadFloats(uses.Initializers[bn.Input[2]]);
        var mean = TensorData.ReadFloats(uses.Initializers[bn.Input[3]]);
        var variance = TensorData.ReadFloats(uses.Initializers[bn.Input[4]]);
        var epsilon = (double)TensorUses.Float(bn, "epsilon", 1e-5f);
        var hasBias = conv.Input.Count > 2 && conv.Input[2].Length > 0;
        var bias = hasBias ? TensorData.ReadFloats(uses.Initializers[conv.Input[2]]) : new float[channels];
        var foldedBias = new float[channels];
        for (var m = 0; m < channels; m++)
        {
            var s = gamma[m] / Math.Sqrt(variance[m] + epsilon);
            if (!double.IsFinite(s))
            {
                return false;
            }

            var row = w.AsSpan(m * perChannel, perChannel);
            for (var k = 0; k < row.Length; k++)
            {
                row[k] = (float)(row[k] * s);
            }

            foldedBias[m] = (float)(((bias[m] - (double)mean[m]) * s) + beta[m]);
        }

        conv.Input[1] = Replace(graph, weight, w, uses, names);
        var biasName = hasBias
            ? Replace(graph, uses.Initializers[conv.Input[2]], foldedBias, uses, names)
            : Add(graph, Unique(names, conv.Input[1] + "_bias"), [channels], foldedBias, names);
        while (conv.Input.Count < 3)
        {
            conv.Input.Add(string.Empty);
        }

        conv.Input[2] = biasName;
        var oldOutput = conv.Output[0];
        conv.Output[0] = bn.Output[0];
        if (graph.ValueInfo.FirstOrDefault(v => v.Name == oldOutput) is { } info)
        {
            graph.ValueInfo.Remove(info);
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="values"/> into <paramref name="tensor"/> when the Conv is its only reader, or into a new
    /// initializer when the tensor is shared (the other readers keep the original values); returns the name to read.
    /// </summary>
    private static string Replace(GraphProto graph, TensorProto tensor, float[] values, TensorUses uses, HashSet<string> names)
    {
        if (uses.Consumers(tensor.Name).Count == 1 && !uses.GraphOutputs.Contains(tensor.Name))
        {
            TensorData.WriteFloats(tensor, values);
            return tensor.Name;
        }

        return Add(graph, Unique(names, tensor.Name + "_bn_folded"), [.. tensor.Dims], values, names);
    }

    private static string Add(GraphProto graph, string name, long[] dims, float[] values, HashSet<string> names)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        TensorData.WriteFloats(tensor, values);
        graph.Initializer.Add(tensor);
        names.Add(name);
        return name;
    }

    private static string Unique(HashSet<string> names, string wanted)
    {
        var name = wanted;
        for (var i = 2; names.Contains(name); i++)
        {
            name = $"{wanted}_{i}";
        }

        return name;
    }
}
