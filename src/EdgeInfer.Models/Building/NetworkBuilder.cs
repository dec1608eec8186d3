using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>
/// Appends ONNX nodes and initializers for the catalog networks. Names follow torchvision
/// (<c>layer1.0.conv1.weight</c>, <c>layer1.0.bn1.running_mean</c>) so that pruning and inspection can find layers.
/// Every Conv has no bias and is followed by a separate BatchNormalization node (never folded).
/// Initializers are declared with their dims only; <see cref="Finish"/> fills them (or leaves them empty in
/// shape-only mode, which is enough to count parameters and MACs).
/// </summary>
internal sealed class NetworkBuilder
{
    /// <summary>The ONNX opset the builders target.</summary>
    public const long Opset = 13;

    /// <summary>BatchNormalization epsilon (PyTorch's default).</summary>
    public const float BatchNormEpsilon = 1e-5f;

    private readonly GraphProto graph = new();
    private readonly List<WeightSpec> weights = [];

    public NetworkBuilder(string graphName)
    {
        graph.Name = graphName;
        graph.Input.Add(ModelSpecs.ImageInput());
    }

    /// <summary>The graph input's name.</summary>
    public static string Input => ModelSpecs.InputName;

    /// <summary>Conv (no bias unless <paramref name="bias"/>), square kernel, symmetric padding.</summary>
    public string Conv(string x, string name, int inChannels, int outChannels, int kernel, int stride = 1, int pad = 0, int group = 1, bool bias = false)
    {
        var fanIn = inChannels / group * kernel * kernel;
        var inputs = new List<string> { x, Weight(name + ".weight", WeightInit.HeNormal, fanIn, outChannels, inChannels / group, kernel, kernel) };
        if (bias)
        {
            inputs.Add(Weight(name + ".bias", WeightInit.Zeros, 0, outChannels));
        }

        var node = Node("Conv", name, inputs);
        node.Attribute.Add(Ints("kernel_shape", kernel, kernel));
        node.Attribute.Add(Ints("strides", stride, stride));
        node.Attribute.Add(Ints("pads", pad, pad, pad, pad));
        node.Attribute.Add(Ints("dilations", 1, 1));
        node.Attribute.Add(new AttributeProto { Name = "group", Type = AttributeProto.Types.AttributeType.Int, I = group });
        return node.Output[0];
    }

    /// <summary>BatchNormalization with identity statistics: scale 1, bias 0, mean 0, variance 1.</summary>
    public string BatchNorm(string x, string name, int channels)
    {
        var node = Node("BatchNormalization", name, [
            x,
            Weight(name + ".weight", WeightInit.Ones, 0, channels),
            Weight(name + ".bias", WeightInit.Zeros, 0, channels),
            Weight(name + ".running_mean", WeightInit.Zeros, 0, channels),
            Weight(name + ".running_var", WeightInit.Ones, 0, channels),
        ]);
        node.Attribute.Add(new AttributeProto { Name = "epsilon", Type = AttributeProto.Types.AttributeType.Float, F = BatchNormEpsilon });
        node.Attribute.Add(new AttributeProto { Name = "momentum", Type = AttributeProto.Types.AttributeType.Float, F = 0.9f });
        return node.Output[0];
    }

    public string Relu(string x, string name) => Node("Relu", name, [x]).Output[0];

    /// <summary>Conv → BatchNormalization → Relu, named <paramref name="conv"/>, <paramref name="bn"/> and <paramref name="bn"/>.relu.</summary>
    public string ConvBnRelu(string x, string conv, string bn, int inChannels, int outChannels, int kernel, int stride = 1, int pad = 0, int group = 1) =>
        Relu(BatchNorm(Conv(x, conv, inChannels, outChannels, kernel, stride, pad, group), bn, outChannels), bn + ".relu");

    public string MaxPool(string x, string name, int kernel, int stride, int pad) => Pool("MaxPool", x, name, kernel, stride, pad);

    public string AveragePool(string x, string name, int kernel, int stride, int pad = 0) => Pool("AveragePool", x, name, kernel, stride, pad);

    public string GlobalAveragePool(string x, string name) => Node("GlobalAveragePool", name, [x]).Output[0];

    public string Add(string a, string b, string name) => Node("Add", name, [a, b]).Output[0];

    /// <summary>Concatenation along the channel axis (1).</summary>
    public string Concat(IEnumerable<string> xs, string name)
    {
        var node = Node("Concat", name, xs);
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        return node.Output[0];
    }

    public string Flatten(string x, string name)
    {
        var node = Node("Flatten", name, [x]);
        node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        return node.Output[0];
    }

    /// <summary>Fully connected layer y = x·Wᵀ + b (Gemm with transB = 1), W of shape [out, in] as in PyTorch.</summary>
    public string Gemm(string x, string name, int inFeatures, int outFeatures, string? output = null)
    {
        var node = Node("Gemm", name, [
            x,
            Weight(name + ".weight", WeightInit.HeNormal, inFeatures, outFeatures, inFeatures),
            Weight(name + ".bias", WeightInit.Zeros, 0, outFeatures),
        ], output);
        node.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        return node.Output[0];
    }

    /// <summary>
    /// Completes the model: output <c>logits</c> [N,1000], opset 13, metadata labelling it untrained.
    /// With <paramref name="seed"/> null the initializers keep their dims but no data (shape-only).
    /// </summary>
    public ModelProto Finish(string logits, string architecture, ulong? seed)
    {
        if (logits != ModelSpecs.OutputName)
        {
            throw new InvalidOperationException($"The last node must produce '{ModelSpecs.OutputName}', got '{logits}'.");
        }

        graph.Output.Add(ModelSpecs.LogitsOutput());
        foreach (var w in weights)
        {
            graph.Initializer.Add(w.Tensor);
        }

        if (seed is { } s)
        {
            WeightGenerator.Fill(weights, s);
        }

        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "EdgeInfer",
            ProducerVersion = typeof(NetworkBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
            Domain = "edgeinfer",
            ModelVersion = 1,
            DocString = $"{architecture}, untrained: deterministic He-normal weights "
                + $"(seed {seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}), identity BatchNorm statistics. "
                + "Valid for latency, size and pruning time, never for accuracy.",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelSpecs.TrainedKey, Value = "false" });
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelSpecs.ArchitectureKey, Value = architecture });
        if (seed is { } seedValue)
        {
            model.MetadataProps.Add(
                new StringStringEntryProto { Key = ModelSpecs.SeedKey, Value = seedValue.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return model;
    }

    private string Pool(string op, string x, string name, int kernel, int stride, int pad)
    {
        var node = Node(op, name, [x]);
        node.Attribute.Add(Ints("kernel_shape", kernel, kernel));
        node.Attribute.Add(Ints("strides", stride, stride));
        node.Attribute.Add(Ints("pads", pad, pad, pad, pad));
        return node.Output[0];
    }

    private NodeProto Node(string op, string name, IEnumerable<string> inputs, string? output = null)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output ?? name);
        graph.Node.Add(node);
        return node;
    }

    private string Weight(string name, WeightInit init, int fanIn, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        weights.Add(new WeightSpec(tensor, init, fanIn));
        return name;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
}
