using EdgeInfer.Models;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Runtime.Tests.TestModels;

/// <summary>
/// A small, real ONNX classifier with the project's I/O contract (input <c>input</c> float32 [N,3,224,224],
/// output <c>logits</c> [N,1000]): Conv(3→32, 3×3, s2) → Relu → Conv(32→64, 3×3, s1) → Relu → Conv(64→64, 3×3, s2) → Relu →
/// GlobalAveragePool → Flatten → Gemm(64→1000). About 360 M MACs (MobileNet v1 has 569 M), so one run takes milliseconds:
/// longer than a scheduler time slice, so CPU contention shows in the median and not only in the tail.
/// </summary>
internal static class TinyModel
{
    public static void Write(string path, int seed = 1)
    {
        var random = new Random(seed);
        var graph = new GraphProto { Name = "tiny" };
        graph.Input.Add(ModelSpecs.FloatValue("input", "N", 3, 224, 224));
        graph.Output.Add(ModelSpecs.FloatValue("logits", "N", 1000));
        graph.Initializer.Add(Tensor("w1", random, 32, 3, 3, 3));
        graph.Initializer.Add(Tensor("b1", random, 32));
        graph.Initializer.Add(Tensor("w2", random, 64, 32, 3, 3));
        graph.Initializer.Add(Tensor("b2", random, 64));
        graph.Initializer.Add(Tensor("w3", random, 64, 64, 3, 3));
        graph.Initializer.Add(Tensor("b3", random, 64));
        graph.Initializer.Add(Tensor("fc_w", random, 1000, 64));
        graph.Initializer.Add(Tensor("fc_b", random, 1000));
        graph.Node.Add(Conv("conv1", "input", "w1", "b1", "c1", stride: 2));
        graph.Node.Add(Node("Relu", "relu1", ["c1"], "r1"));
        graph.Node.Add(Conv("conv2", "r1", "w2", "b2", "c2", stride: 1));
        graph.Node.Add(Node("Relu", "relu2", ["c2"], "r2"));
        graph.Node.Add(Conv("conv3", "r2", "w3", "b3", "c3", stride: 2));
        graph.Node.Add(Node("Relu", "relu3", ["c3"], "r3"));
        graph.Node.Add(Node("GlobalAveragePool", "gap", ["r3"], "g"));
        graph.Node.Add(Node("Flatten", "flat", ["g"], "f"));
        var gemm = Node("Gemm", "fc", ["f", "fc_w", "fc_b"], "logits");
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(gemm);
        var model = new ModelProto { IrVersion = 8, ProducerName = "edgeinfer-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        File.WriteAllBytes(path, model.ToByteArray());
    }

    private static NodeProto Conv(string name, string x, string w, string b, string y, long stride)
    {
        var node = Node("Conv", name, [x, w, b], y);
        node.Attribute.Add(Ints("kernel_shape", 3, 3));
        node.Attribute.Add(Ints("strides", stride, stride));
        node.Attribute.Add(Ints("pads", 1, 1, 1, 1));
        return node;
    }

    private static NodeProto Node(string op, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static TensorProto Tensor(string name, Random random, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        var count = dims.Aggregate(1L, (a, d) => a * d);
        var scale = Math.Sqrt(2.0 / (count / dims[0]));
        for (var i = 0; i < count; i++)
        {
            tensor.FloatData.Add((float)((random.NextDouble() * 2 - 1) * scale));
        }

        return tensor;
    }
}
