using System.Buffers.Binary;
using EdgeInfer.Compression.Graph;
using EdgeInfer.Models;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// Writes a <see cref="QuantizationPlan"/> into the graph as standard ONNX (opset 13) QuantizeLinear/DequantizeLinear:
/// after each planned activation tensor T a pair T → Q → T_quantized → DQ → T_dequantized, every reader of T switched to
/// T_dequantized; before each Conv/Gemm a DequantizeLinear of its int8 weight (per-channel scales on the output axis) and
/// of its int32 bias (scale = input scale × weight scale, zero point 0). The node list is rebuilt in order, so the graph
/// stays topologically sorted; the float weights no longer read are removed.
/// </summary>
internal sealed class QdqRewriter
{
    private readonly GraphProto graph;
    private readonly QuantizationPlan plan;
    private readonly IReadOnlyDictionary<string, ActivationQuantization> parameters;
    private readonly bool perChannel;
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> dequantized = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Scale, string ZeroPoint)> rootInitializers = new(StringComparer.Ordinal);
    private readonly HashSet<string> planned;
    private readonly List<NodeProto> nodes = [];

    /// <param name="graph">The graph the plan was made for.</param>
    /// <param name="plan">What to quantize.</param>
    /// <param name="parameters">Scale and zero point of every root tensor of the plan (<see cref="QuantizationPlan.Root"/>).</param>
    /// <param name="perChannel">One weight scale per output channel (true) or per tensor.</param>
    public QdqRewriter(GraphProto graph, QuantizationPlan plan, IReadOnlyDictionary<string, ActivationQuantization> parameters, bool perChannel)
    {
        this.graph = graph;
        this.plan = plan;
        this.parameters = parameters;
        this.perChannel = perChannel;
        planned = new HashSet<string>(plan.Activations, StringComparer.Ordinal);
        names.UnionWith(graph.Initializer.Select(t => t.Name));
        names.UnionWith(graph.Input.Select(i => i.Name));
        names.UnionWith(graph.Output.Select(o => o.Name));
        names.UnionWith(graph.Node.SelectMany(n => n.Output));
        names.UnionWith(graph.Node.Select(n => n.Name));
    }

    /// <summary>Rewrites the graph; returns the number of weight tensors now stored as int8.</summary>
    public int Rewrite()
    {
        foreach (var input in graph.Input.Where(i => planned.Contains(i.Name)))
        {
            EmitPair(input.Name);
        }

        var weighted = plan.Weighted.ToHashSet();
        foreach (var node in graph.Node.ToList())
        {
            if (weighted.Contains(node))
            {
                QuantizeWeights(node);
            }

            for (var i = 0; i < node.Input.Count; i++)
            {
                if (dequantized.TryGetValue(node.Input[i], out var replacement))
                {
                    node.Input[i] = replacement;
                }
            }

            nodes.Add(node);
            foreach (var output in node.Output.Where(planned.Contains))
            {
                EmitPair(output);
            }
        }

        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        TensorUses.RemoveUnusedInitializers(graph);
        return weighted.Count;
    }

    /// <summary>T → QuantizeLinear → DequantizeLinear with the scale and zero point of T's root (initializers shared by the root's group).</summary>
    private void EmitPair(string tensor)
    {
        var root = plan.Root(tensor);
        if (!rootInitializers.TryGetValue(root, out var initializers))
        {
            var q = parameters[root];
            initializers = (Unique(root + "_scale"), Unique(root + "_zero_point"));
            graph.Initializer.Add(Floats(initializers.Scale, [], [q.Scale]));
            graph.Initializer.Add(Raw(initializers.ZeroPoint, [], TensorProto.Types.DataType.Uint8, [q.ZeroPoint]));
            rootInitializers[root] = initializers;
        }

        var quantizedName = Unique(tensor + "_quantized");
        var dequantizedName = Unique(tensor + "_dequantized");
        nodes.Add(Node("QuantizeLinear", tensor + "_QuantizeLinear", [tensor, initializers.Scale, initializers.ZeroPoint], quantizedName));
        nodes.Add(Node("DequantizeLinear", tensor + "_DequantizeLinear", [quantizedName, initializers.Scale, initializers.ZeroPoint], dequantizedName));
        dequantized[tensor] = dequantizedName;
    }

    /// <summary>Replaces the node's float weight (and bias, when its input is quantized) by DequantizeLinear of int8 (int32).</summary>
    private void QuantizeWeights(NodeProto node)
    {
        var weight = plan.Uses.Initializers[node.Input[1]];
        var dims = weight.Dims.ToArray();
        var axis = node.OpType == "Gemm" && TensorUses.Int(node, "transB", 0) == 0 ? 1 : 0;
        var hasBias = node.Input.Count > 2 && node.Input[2].Length > 0;
        var inputScale = planned.Contains(node.Input[0]) ? parameters[plan.Root(node.Input[0])].Scale : (float?)null;
        var bias = hasBias && inputScale is not null ? TensorData.ReadFloats(plan.Uses.Initializers[node.Input[2]]) : null;
        var q = QuantizedWeight.Quantize(TensorData.ReadFloats(weight), dims, axis, perChannel, bias, inputScale ?? 1f);

        var channels = q.Scales.Length;
        long[] scaleDims = perChannel ? [channels] : [];
        var w = Unique(weight.Name + "_quantized");
        var ws = Unique(weight.Name + "_scale");
        var wz = Unique(weight.Name + "_zero_point");
        graph.Initializer.Add(Raw(w, dims, TensorProto.Types.DataType.Int8, q.RawValues()));
        graph.Initializer.Add(Floats(ws, scaleDims, q.Scales));
        graph.Initializer.Add(Raw(wz, scaleDims, TensorProto.Types.DataType.Int8, new byte[channels]));
        node.Input[1] = Dequantize(weight.Name, w, ws, wz, perChannel ? axis : null);

        if (q.Bias is { } intBias && q.BiasScales is { } biasScales)
        {
            var name = node.Input[2];
            var b = Unique(name + "_quantized");
            var bs = Unique(name + "_scale");
            var bz = Unique(name + "_zero_point");
            graph.Initializer.Add(Raw(b, [intBias.Length], TensorProto.Types.DataType.Int32, Int32Bytes(intBias)));
            graph.Initializer.Add(Floats(bs, [biasScales.Length], biasScales));
            graph.Initializer.Add(Raw(bz, [intBias.Length], TensorProto.Types.DataType.Int32, new byte[intBias.Length * sizeof(int)]));
            node.Input[2] = Dequantize(name, b, bs, bz, 0);
        }

        if (node.OpType == "Gemm" && hasBias && !node.Attribute.Any(a => a.Name == "beta"))
        {
            // ORT's Gemm QDQ selector reads beta without a default; say the default explicitly.
            node.Attribute.Add(new AttributeProto { Name = "beta", Type = AttributeProto.Types.AttributeType.Float, F = 1f });
        }
    }

    private string Dequantize(string original, string values, string scale, string zeroPoint, int? axis)
    {
        var output = Unique(original + "_dequantized");
        var dq = Node("DequantizeLinear", original + "_DequantizeLinear", [values, scale, zeroPoint], output);
        if (axis is { } a)
        {
            dq.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = a });
        }

        nodes.Add(dq);
        return output;
    }

    private NodeProto Node(string op, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = Unique(name) };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private string Unique(string wanted)
    {
        var name = wanted;
        for (var i = 2; !names.Add(name); i++)
        {
            name = $"{wanted}_{i}";
        }

        return name;
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        TensorData.WriteFloats(tensor, values);
        return tensor;
    }

    private static TensorProto Raw(string name, long[] dims, TensorProto.Types.DataType type, byte[] bytes)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = UnsafeByteOperations.UnsafeWrap(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static byte[] Int32Bytes(int[] values)
    {
        var bytes = new byte[values.Length * sizeof(int)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), values[i]);
        }

        return bytes;
    }
}
