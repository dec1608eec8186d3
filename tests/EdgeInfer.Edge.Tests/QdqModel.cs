using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Edge.Tests;

/// <summary>
/// A small classifier (opset 13, input [1,3,16,16] → [1,10]) in two precisions, as a repository's <c>full</c> and
/// <c>int8</c> variants: a Conv 3→8 3×3, Relu, global pooling and a 8→10 Gemm, quantized as an INT8 quantizer writes it
/// (QDQ: the input through uint8 QuantizeLinear/DequantizeLinear, per-channel int8 Conv weights and int32 biases
/// dequantized), so downloads of a quantized variant carry integer initializers; the float32 model has a second Conv 8→8
/// 3×3 and Relu after the first, so the first Conv's channels can be pruned.
/// </summary>
internal static class QdqModel
{
    public static ModelProto Build(bool quantized)
    {
        var random = new Random(3);
        var g = new GraphProto { Name = "qdq" };
        g.Input.Add(Value("input", 1, 3, 16, 16));
        var weights = Enumerable.Range(0, 216).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var scales = Enumerable.Range(0, 8).Select(i => 0.002f * (i + 1)).ToArray();
        var biases = Enumerable.Range(0, 8).Select(i => (i * 37) - 100).ToArray();
        var input = "input";
        if (quantized)
        {
            Add(g, "in_scale", TensorProto.Types.DataType.Float, BitConverter.GetBytes(1f / 255));
            Add(g, "in_zero", TensorProto.Types.DataType.Uint8, [0]);
            Add(g, "w_q", TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(weights.AsSpan()).ToArray(), 8, 3, 3, 3);
            Add(g, "w_scale", TensorProto.Types.DataType.Float, Bytes(scales), 8);
            Add(g, "b_q", TensorProto.Types.DataType.Int32, MemoryMarshal.AsBytes(biases.AsSpan()).ToArray(), 8);
            Add(g, "b_scale", TensorProto.Types.DataType.Float, Bytes([.. scales.Select(s => s / 255)]), 8);
            Node(g, "QuantizeLinear", ["input", "in_scale", "in_zero"], "input_q");
            Node(g, "DequantizeLinear", ["input_q", "in_scale", "in_zero"], "input_dq");
            Node(g, "DequantizeLinear", ["w_q", "w_scale"], "w", Int("axis", 0));
            Node(g, "DequantizeLinear", ["b_q", "b_scale"], "b", Int("axis", 0));
            input = "input_dq";
        }
        else
        {
            Add(g, "w", TensorProto.Types.DataType.Float, Bytes([.. weights.Select((w, i) => w * scales[i / 27])]), 8, 3, 3, 3);
            Add(g, "b", TensorProto.Types.DataType.Float, Bytes([.. biases.Select((b, i) => b * scales[i] / 255)]), 8);
        }

        var fc = Enumerable.Range(0, 80).Select(i => i % 10 < 7 ? 0f : (random.NextSingle() * 2) - 1).ToArray();
        Add(g, "fc_w", TensorProto.Types.DataType.Float, Bytes(fc), 10, 8);
        Add(g, "fc_b", TensorProto.Types.DataType.Float, Bytes([.. Enumerable.Range(0, 10).Select(i => i * 0.01f)]), 10);
        var pads = new AttributeProto { Name = "pads", Type = AttributeProto.Types.AttributeType.Ints };
        pads.Ints.Add([1, 1, 1, 1]);
        Node(g, "Conv", [input, "w", "b"], "conv", pads);
        Node(g, "Relu", ["conv"], "relu");
        if (!quantized)
        {
            var second = Enumerable.Range(0, 576).Select(_ => ((random.NextSingle() * 2) - 1) * 0.2f).ToArray();
            Add(g, "w2", TensorProto.Types.DataType.Float, Bytes(second), 8, 8, 3, 3);
            Node(g, "Conv", ["relu", "w2"], "conv2", pads);
            Node(g, "Relu", ["conv2"], "relu2");
        }

        Node(g, "GlobalAveragePool", [quantized ? "relu" : "relu2"], "pool");
        Node(g, "Flatten", ["pool"], "flat", Int("axis", 1));
        Node(g, "Gemm", ["flat", "fc_w", "fc_b"], "logits", Int("transB", 1));
        g.Output.Add(Value("logits", 1, 10));
        var model = new ModelProto { IrVersion = 8, ProducerName = "EdgeInfer.Edge.Tests", Graph = g };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model;
    }

    private static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static void Add(GraphProto graph, string name, TensorProto.Types.DataType type, byte[] raw, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.Add(dims);
        graph.Initializer.Add(tensor);
    }

    private static void Node(GraphProto graph, string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
    }

    private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static ValueInfoProto Value(string name, params long[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var d in shape)
        {
            tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape } },
        };
    }
}
