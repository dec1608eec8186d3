using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>
/// A hand-written quantized (QDQ) model as an INT8 quantizer writes one (opset 13, input [1,3,16,16]): the input through
/// QuantizeLinear/DequantizeLinear (per-tensor uint8), a Conv 3→8 3×3 whose weights are per-channel int8 (scale [8], zero
/// point [8]) and whose bias is int32 (scale [8]), both dequantized, Relu, global pooling, then a float 8→10 Gemm whose
/// weight is 70 % zeros. So a model has integer and sparse float initializers side by side.
/// </summary>
internal static class QdqModel
{
    /// <summary>Learned parameters: 216 int8 weights, 8 int32 biases, 80 + 10 float Gemm values (scales and zero points are not).</summary>
    public const long Parameters = 216 + 8 + 80 + 10;

    /// <summary>Conv 8·27·256 + Gemm 80.</summary>
    public const long Macs = (8L * 27 * 256) + 80;

    public static ModelProto Build()
    {
        var random = new Random(3);
        var g = new GraphProto { Name = "qdq" };
        g.Input.Add(Value("input", 1, 3, 16, 16));
        Add(g, "in_scale", TensorProto.Types.DataType.Float, BitConverter.GetBytes(1f / 255));
        Add(g, "in_zero", TensorProto.Types.DataType.Uint8, [0]);
        Add(g, "w_q", TensorProto.Types.DataType.Int8, [.. Enumerable.Range(0, 216).Select(_ => (byte)(sbyte)random.Next(-127, 128))], 8, 3, 3, 3);
        Add(g, "w_scale", TensorProto.Types.DataType.Float, Floats(Enumerable.Range(0, 8).Select(i => 0.002f * (i + 1))), 8);
        Add(g, "w_zero", TensorProto.Types.DataType.Int8, new byte[8], 8);
        Add(g, "b_q", TensorProto.Types.DataType.Int32, Ints(Enumerable.Range(0, 8).Select(i => (i * 37) - 100)), 8);
        Add(g, "b_scale", TensorProto.Types.DataType.Float, Floats(Enumerable.Range(0, 8).Select(i => 0.002f * (i + 1) / 255)), 8);
        var fc = Enumerable.Range(0, 80).Select(i => i % 10 < 7 ? 0f : (random.NextSingle() * 2) - 1);
        Add(g, "fc_w", TensorProto.Types.DataType.Float, Floats(fc), 10, 8);
        Add(g, "fc_b", TensorProto.Types.DataType.Float, Floats(Enumerable.Range(0, 10).Select(i => i * 0.01f)), 10);
        Node(g, "QuantizeLinear", ["input", "in_scale", "in_zero"], "input_q");
        Node(g, "DequantizeLinear", ["input_q", "in_scale", "in_zero"], "input_dq");
        Node(g, "DequantizeLinear", ["w_q", "w_scale", "w_zero"], "w", Int("axis", 0));
        Node(g, "DequantizeLinear", ["b_q", "b_scale"], "b", Int("axis", 0));
        var pads = new AttributeProto { Name = "pads", Type = AttributeProto.Types.AttributeType.Ints };
        pads.Ints.Add([1, 1, 1, 1]);
        Node(g, "Conv", ["input_dq", "w", "b"], "conv", pads);
        Node(g, "Relu", ["conv"], "relu");
        Node(g, "GlobalAveragePool", ["relu"], "pool");
        Node(g, "Flatten", ["pool"], "flat", Int("axis", 1));
        Node(g, "Gemm", ["flat", "fc_w", "fc_b"], "output", Int("transB", 1));
        g.Output.Add(Value("output", 1, 10));
        var model = new ModelProto { IrVersion = 8, ProducerName = "EdgeInfer.Pruning.Tests", Graph = g };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model;
    }

    private static byte[] Floats(IEnumerable<float> values) => MemoryMarshal.AsBytes(values.ToArray().AsSpan()).ToArray();

    private static byte[] Ints(IEnumerable<int> values) => MemoryMarshal.AsBytes(values.ToArray().AsSpan()).ToArray();

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
