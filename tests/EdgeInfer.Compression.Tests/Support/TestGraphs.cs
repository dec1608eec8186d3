using EdgeInfer.Models;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Compression.Tests.Support;

/// <summary>Small hand-made ONNX graphs and ORT helpers for the compression tests.</summary>
internal static class TestGraphs
{
    public static ModelProto Model(GraphProto graph, long opset = 13, long irVersion = 7)
    {
        var model = new ModelProto { IrVersion = irVersion, ProducerName = "test", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        return model;
    }

    public static GraphProto Graph(string name, ValueInfoProto input, ValueInfoProto output)
    {
        var graph = new GraphProto { Name = name };
        graph.Input.Add(input);
        graph.Output.Add(output);
        return graph;
    }

    /// <summary>A float tensor value info; null dims are symbolic (<c>N</c>).</summary>
    public static ValueInfoProto Info(string name, params long?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is { } v ? new TensorShapeProto.Types.Dimension { DimValue = v } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    public static NodeProto Node(GraphProto graph, string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output + "_node" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return node;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static string Initializer(GraphProto graph, string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        TensorData.WriteFloats(tensor, values);
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Uniform values in [<paramref name="low"/>, <paramref name="high"/>) from a seeded generator.</summary>
    public static float[] Uniform(Random random, int count, double low, double high)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(low + (random.NextDouble() * (high - low)));
        }

        return values;
    }

    /// <summary>Runs a one-input model on an NCHW batch and returns its first output, row-major.</summary>
    public static float[] Run(ModelProto model, float[] input, int[] shape, GraphOptimizationLevel level = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = level, IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model.ToByteArray(), options);
        var tensor = new DenseTensor<float>(input, shape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputNames[0], tensor)]);
        return results[0].AsTensor<float>().ToArray();
    }

    /// <summary>The largest |a − b| divided by the largest |a|.</summary>
    public static double RelativeError(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double error = 0, scale = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            error = Math.Max(error, Math.Abs(expected[i] - actual[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }

        return error / scale;
    }

    /// <summary>The operator types of the graph ORT runs after its optimizations (written with <c>OptimizedModelFilePath</c>).</summary>
    public static List<string> OptimizedOperators(ModelProto model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgeinfer-optimized-{Guid.NewGuid():N}.onnx");
        try
        {
            using var options = EdgeInfer.Runtime.Execution.OrtSessionOptions.Create(EdgeInfer.Runtime.Execution.RuntimeOptions.Device);
            options.OptimizedModelFilePath = path;
            using (new InferenceSession(model.ToByteArray(), options))
            {
            }

            return [.. ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph.Node.Select(n => n.OpType)];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
