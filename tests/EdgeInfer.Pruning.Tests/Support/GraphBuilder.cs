using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>Builds small ONNX graphs (opset 13) with seeded random weights for the tests: Conv without bias → BN → Relu, like the model builders.</summary>
internal sealed class GraphBuilder(int seed, bool floatData = false)
{
    private readonly Random _random = new(seed);
    private readonly GraphProto _graph = new() { Name = "test" };
    private int _next;

    public string Input(string name, params long[] shape)
    {
        _graph.Input.Add(ValueInfo(name, shape));
        return name;
    }

    public void Output(string name, params long[] shape) => _graph.Output.Add(ValueInfo(name, shape));

    public string Weight(long[] dims, float scale = 0.1f, Func<Random, float>? generator = null)
    {
        var count = dims.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = generator?.Invoke(_random) ?? (float)((_random.NextDouble() * 2) - 1) * scale;
        }

        return Initializer(values, dims);
    }

    public string Initializer(float[] values, long[] dims)
    {
        var name = "w" + _next++;
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        if (floatData)
        {
            tensor.FloatData.Add(values);
        }
        else
        {
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        }

        _graph.Initializer.Add(tensor);
        return name;
    }

    public string Node(string op, string[] inputs, params AttributeProto[] attributes)
    {
        var output = op.ToLowerInvariant() + "_" + _next++;
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        _graph.Node.Add(node);
        return output;
    }

    public string Conv(string x, long inChannels, long outChannels, long kernel, long stride = 1, long group = 1)
    {
        var w = Weight([outChannels, inChannels / group, kernel, kernel], (float)Math.Sqrt(2.0 / (inChannels / group * kernel * kernel)));
        var pad = kernel / 2;
        return Node(
            "Conv", [x, w], Ints("kernel_shape", kernel, kernel), Ints("strides", stride, stride), Ints("pads", pad, pad, pad, pad), Int("group", group));
    }

    public string BatchNorm(string x, long channels)
    {
        var scale = Weight([channels], generator: r => 0.5f + (float)r.NextDouble());
        var bias = Weight([channels], 0.1f);
        var mean = Weight([channels], 0.1f);
        var variance = Weight([channels], generator: r => 0.5f + (float)r.NextDouble());
        return Node("BatchNormalization", [x, scale, bias, mean, variance]);
    }

    public string ConvBnRelu(string x, long inChannels, long outChannels, long kernel, long stride = 1, long group = 1) =>
        Node("Relu", [BatchNorm(Conv(x, inChannels, outChannels, kernel, stride, group), outChannels)]);

    public string Classifier(string x, long channels, long classes)
    {
        var pooled = Node("Flatten", [Node("GlobalAveragePool", [x])], Int("axis", 1));
        return Node("Gemm", [pooled, Weight([classes, channels], 0.1f), Weight([classes], 0.1f)], Int("transB", 1));
    }

    public ModelProto Build(params long[] outputShape)
    {
        var last = _graph.Node[^1];
        last.Output[0] = "output";
        Output("output", outputShape);
        var model = new ModelProto { IrVersion = 8, ProducerName = "EdgeInfer.Pruning.Tests", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return a;
    }

    private static ValueInfoProto ValueInfo(string name, long[] shape)
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
