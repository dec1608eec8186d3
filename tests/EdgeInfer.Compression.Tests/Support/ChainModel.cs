using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Tests.Support;

/// <summary>
/// A small plain CNN for builder tests (opset 13, input [1,3,32,32]): three Conv → BatchNormalization → Relu blocks
/// (3→16→32→32 channels, 3×3, same padding), global average pooling and a 32→10 Gemm. The first two blocks' channels
/// feed only the next Conv, so channel pruning can remove them; MACs are 16·27·1024 + 32·144·1024 + 32·288·1024 + 320.
/// </summary>
internal static class ChainModel
{
    public const long FullMacs = (16L * 27 * 1024) + (32L * 144 * 1024) + (32L * 288 * 1024) + 320;

    private static readonly int[] Widths = [16, 32, 32];

    private static readonly string[] BatchNormInputs = ["scale", "bias", "mean", "var"];

    public static ModelProto Build(int seed = 5)
    {
        var random = new Random(seed);
        var graph = new GraphProto { Name = "chain" };
        graph.Input.Add(Value("input", 1, 3, 32, 32));
        var x = "input";
        var channels = 3;
        var block = 0;
        foreach (var width in Widths)
        {
            block++;
            var w = Tensor(graph, $"conv{block}.weight", random, (float)Math.Sqrt(2.0 / (channels * 9)), width, channels, 3, 3);
            x = Node(graph, "Conv", $"conv{block}", [x, w], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1));
            var bn = BatchNormInputs
                .Select(k => k is "scale" or "var" ? Positive(graph, $"bn{block}.{k}", random, width) : Tensor(graph, $"bn{block}.{k}", random, 0.1f, width))
                .ToArray();
            x = Node(graph, "BatchNormalization", $"bn{block}", [x, .. bn]);
            x = Node(graph, "Relu", $"relu{block}", [x]);
            channels = width;
        }

        x = Node(graph, "GlobalAveragePool", "pool", [x]);
        x = Node(graph, "Flatten", "flatten", [x], new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        var fcWeight = Tensor(graph, "fc.weight", random, 0.2f, 10, 32);
        var fcBias = Tensor(graph, "fc.bias", random, 0.1f, 10);
        var gemm = new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 };
        var logits = graph.Node.Count;
        Node(graph, "Gemm", "fc", [x, fcWeight, fcBias], gemm);
        graph.Node[logits].Output[0] = "logits";
        graph.Output.Add(Value("logits", 1, 10));
        var model = new ModelProto { IrVersion = 8, ProducerName = "EdgeInfer.Compression.Tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model;
    }

    private static string Node(GraphProto graph, string op, string name, string[] inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(name + "_out");
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
        return name + "_out";
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        return attribute;
    }

    private static string Positive(GraphProto graph, string name, Random random, int count) =>
        Add(graph, name, [.. Enumerable.Range(0, count).Select(_ => 0.5f + random.NextSingle())], count);

    private static string Tensor(GraphProto graph, string name, Random random, float scale, params long[] dims)
    {
        var values = new float[dims.Aggregate(1L, (a, d) => a * d)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((random.NextSingle() * 2) - 1) * scale;
        }

        return Add(graph, name, values, dims);
    }

    private static string Add(GraphProto graph, string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        graph.Initializer.Add(tensor);
        return name;
    }

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
