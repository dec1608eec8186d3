using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models.Tests;

/// <summary>Hand-made small ONNX models for tests: Conv(3→8, 3×3, pad 1) → BN → Relu → GlobalAveragePool → Flatten → Gemm(8→10).</summary>
internal static class TinyModels
{
    /// <summary>Conv weights 8·3·3·3 = 216, BN scale+bias 16, Gemm 80 + 10 = 90: 322 parameters.</summary>
    public const long Parameters = 216 + 16 + 90;

    /// <summary>Conv 8·8·8 outputs × 27 MACs = 13,824; Gemm 8·10 = 80.</summary>
    public const long Macs = (8 * 8 * 8 * 27) + 80;

    public static ModelProto Create(bool floatData = false, int inputType = (int)TensorProto.Types.DataType.Float, int inputChannels = 3)
    {
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(Value("x", inputType, -1, inputChannels, 8, 8));
        graph.Output.Add(Value("y", (int)TensorProto.Types.DataType.Float, -1, 10));
        Tensor(graph, "conv.w", floatData, 8, 3, 3, 3);
        Tensor(graph, "bn.scale", floatData, 8);
        Tensor(graph, "bn.bias", floatData, 8);
        Tensor(graph, "bn.mean", floatData, 8);
        Tensor(graph, "bn.var", floatData, 8);
        Tensor(graph, "fc.w", floatData, 10, 8);
        Tensor(graph, "fc.b", floatData, 10);
        var conv = Node(graph, "Conv", "c", ["x", "conv.w"]);
        conv.Attribute.Add(Ints("kernel_shape", 3, 3));
        conv.Attribute.Add(Ints("pads", 1, 1, 1, 1));
        Node(graph, "BatchNormalization", "bn", ["c", "bn.scale", "bn.bias", "bn.mean", "bn.var"]);
        Node(graph, "Relu", "r", ["bn"]);
        Node(graph, "GlobalAveragePool", "g", ["r"]);
        Node(graph, "Flatten", "f", ["g"]);
        var gemm = Node(graph, "Gemm", "y", ["f", "fc.w", "fc.b"]);
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        var model = new ModelProto { IrVersion = 7, ProducerName = "tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 13 });
        return model;
    }

    public static byte[] Bytes(ModelProto model) => model.ToByteArray();

    private static ValueInfoProto Value(string name, int type, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "batch" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = type, Shape = shape } } };
    }

    private static void Tensor(GraphProto graph, string name, bool floatData, params long[] dims)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        var values = Enumerable.Range(0, (int)dims.Aggregate(1L, (a, d) => a * d)).Select(i => (i % 7) * 0.25f).ToArray();
        if (floatData)
        {
            t.FloatData.AddRange(values);
        }
        else
        {
            TensorData.WriteFloats(t, values);
        }

        graph.Initializer.Add(t);
    }

    private static NodeProto Node(GraphProto graph, string op, string output, string[] inputs)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        graph.Node.Add(node);
        return node;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
}
