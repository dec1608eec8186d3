using EdgeInfer.Compression.Calibration;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Compression.Tests.Structured;

/// <summary>Hand-built, seeded ONNX networks small enough for exact least-squares checks, and ORT helpers.</summary>
internal static class SmallNetworks
{
    public const int Size = 12;

    /// <summary>
    /// input [N,3,12,12] → conv0 3→8 (3×3) BN ReLU → block: conv_a 8→8 (3×3) BN ReLU → conv_b 8→8 (3×3) BN, Add with the
    /// stream, ReLU → conv_c 8→6 (3×3, stride 2) BN ReLU → GlobalAveragePool → Flatten → Gemm 6→4 → logits.
    /// Groups: the stream (conv0 + conv_b, Residual), conv_a's channels (Single); conv_c's reach the head (blocked).
    /// </summary>
    public static ModelProto Residual(int seed = 5)
    {
        var b = new Builder(seed);
        var x = b.ConvBnRelu("input", "conv0", 3, 8, 3, 1);
        var a = b.ConvBnRelu(x, "conv_a", 8, 8, 3, 1);
        var y = b.BatchNorm(b.Conv(a, "conv_b", 8, 8, 3, 1), "conv_b_bn", 8);
        var sum = b.Node("Add", "add", [x, y]);
        var r = b.Node("Relu", "add_relu", [sum]);
        var c = b.ConvBnRelu(r, "conv_c", 8, 6, 3, 2);
        var pooled = b.Node("GlobalAveragePool", "pool", [c]);
        var flat = b.Node("Flatten", "flatten", [pooled]);
        b.Initializer("fc_w", [4, 6], b.Normal(24, 0.5));
        b.Initializer("fc_b", [4], b.Normal(4, 0.1));
        var gemm = new NodeProto { OpType = "Gemm", Name = "fc" };
        gemm.Input.AddRange([flat, "fc_w", "fc_b"]);
        gemm.Output.Add("logits");
        gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        b.Graph.Node.Add(gemm);
        return b.Finish("logits", 4);
    }

    /// <summary>
    /// input [N,3,12,12] → conv_p 3→6 (3×3) ReLU → conv_q 6→5 (3×3) → output: one Single group (conv_p's channels; conv_q's
    /// reach the graph output). Channel 4 of conv_p duplicates channel 1 (same weights), channel 5 is all zero.
    /// </summary>
    public static ModelProto Redundant(int seed = 7)
    {
        var b = new Builder(seed);
        var p = b.Node("Relu", "relu_p", [b.Conv("input", "conv_p", 3, 6, 3, 1, bias: true)]);
        b.Conv(p, "conv_q", 6, 5, 3, 1, bias: true, output: "output");
        var w = b.Graph.Initializer.First(t => t.Name == "conv_p_w");
        var values = w.FloatData.ToArray();
        Array.Copy(values, 1 * 27, values, 4 * 27, 27);
        Array.Clear(values, 5 * 27, 27);
        w.FloatData.Clear();
        w.FloatData.AddRange(values);
        var bias = b.Graph.Initializer.First(t => t.Name == "conv_p_b");
        bias.FloatData[4] = bias.FloatData[1];
        bias.FloatData[5] = 0;
        return b.Finish("output", 5, spatial: true);
    }

    /// <summary>Seeded images of uniform noise in [−1, 1].</summary>
    public static CalibrationSet Images(int count, int seed = 11)
    {
        var random = new Random(seed);
        var pixels = new float[count * 3 * Size * Size];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return new CalibrationSet("noise", 3, Size, Size, pixels);
    }

    /// <summary>Runs <paramref name="model"/> on every image (batch 1 at a time avoided: one batch) and returns the output.</summary>
    public static float[] Run(ModelProto model, CalibrationSet images)
    {
        using var session = new InferenceSession(model.ToByteArray());
        var input = new DenseTensor<float>(images.Images(0, images.Count).ToArray(), [images.Count, 3, Size, Size]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        return results[0].AsTensor<float>().ToArray();
    }

    /// <summary>‖a − b‖ / ‖b‖.</summary>
    public static double RelativeDifference(float[] a, float[] b)
    {
        double d = 0, n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            d += (a[i] - (double)b[i]) * (a[i] - b[i]);
            n += (double)b[i] * b[i];
        }

        return Math.Sqrt(d / n);
    }

    private sealed class Builder(int seed)
    {
        private readonly Random random = new(seed);

        public GraphProto Graph { get; } = new() { Name = "small" };

        public string Conv(string x, string name, int inputs, int outputs, int kernel, int stride, bool bias = false, string? output = null)
        {
            var fanIn = inputs * kernel * kernel;
            Initializer(name + "_w", [outputs, inputs, kernel, kernel], Normal(outputs * fanIn, Math.Sqrt(2.0 / fanIn)));
            var node = new NodeProto { OpType = "Conv", Name = name };
            node.Input.AddRange([x, name + "_w"]);
            if (bias)
            {
                Initializer(name + "_b", [outputs], Normal(outputs, 0.1));
                node.Input.Add(name + "_b");
            }

            node.Output.Add(output ?? name + "_out");
            node.Attribute.Add(Ints("kernel_shape", kernel, kernel));
            node.Attribute.Add(Ints("strides", stride, stride));
            node.Attribute.Add(Ints("pads", kernel / 2, kernel / 2, kernel / 2, kernel / 2));
            Graph.Node.Add(node);
            return node.Output[0];
        }

        public string BatchNorm(string x, string name, int channels)
        {
            Initializer(name + "_scale", [channels], [.. Normal(channels, 0.2).Select(v => 1 + v)]);
            Initializer(name + "_bias", [channels], Normal(channels, 0.2));
            Initializer(name + "_mean", [channels], Normal(channels, 0.2));
            Initializer(name + "_var", [channels], [.. Normal(channels, 0.2).Select(v => 1 + Math.Abs(v))]);
            return Node("BatchNormalization", name, [x, name + "_scale", name + "_bias", name + "_mean", name + "_var"]);
        }

        public string ConvBnRelu(string x, string name, int inputs, int outputs, int kernel, int stride) =>
            Node("Relu", name + "_relu", [BatchNorm(Conv(x, name, inputs, outputs, kernel, stride), name + "_bn", outputs)]);

        public string Node(string op, string name, string[] inputs)
        {
            var node = new NodeProto { OpType = op, Name = name };
            node.Input.AddRange(inputs);
            node.Output.Add(name + "_out");
            Graph.Node.Add(node);
            return node.Output[0];
        }

        public void Initializer(string name, long[] dims, float[] values)
        {
            var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
            t.Dims.AddRange(dims);
            t.FloatData.AddRange(values);
            Graph.Initializer.Add(t);
        }

        public float[] Normal(int count, double std)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                var u = 1 - random.NextDouble();
                values[i] = (float)(std * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
            }

            return values;
        }

        public ModelProto Finish(string output, int width, bool spatial = false)
        {
            Graph.Input.Add(Info("input", 3, Size, Size));
            Graph.Output.Add(spatial ? Info(output, width, Size, Size) : Info(output, width));
            var model = new ModelProto { IrVersion = 8, Graph = Graph, ProducerName = "test" };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
            return model;
        }

        private static ValueInfoProto Info(string name, params long[] dims)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
            foreach (var d in dims)
            {
                shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
            }

            return new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
            };
        }

        private static AttributeProto Ints(string name, params long[] values)
        {
            var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
            a.Ints.AddRange(values);
            return a;
        }
    }
}
