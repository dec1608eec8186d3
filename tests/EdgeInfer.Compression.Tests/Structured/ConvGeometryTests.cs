using EdgeInfer.Compression.Structured;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Compression.Tests.Structured;

public sealed class ConvGeometryTests
{
    /// <summary>
    /// im2col rows times the weights equal ONNX Runtime's Conv output at every position (1e-5), for strides, dilations,
    /// asymmetric pads and SAME_UPPER auto-padding: the rows the least squares fits on are the rows the Conv computes.
    /// </summary>
    [Theory]
    [InlineData(2, 1, new long[] { 0, 1, 1, 0 }, "NOTSET")]
    [InlineData(1, 2, new long[] { 2, 2, 2, 2 }, "NOTSET")]
    [InlineData(2, 1, new long[0], "SAME_UPPER")]
    public void Im2ColRow_TimesTheWeights_IsOrtsConvOutput(int stride, int dilation, long[] pads, string autoPad)
    {
        const int c = 3, o = 4, h = 9, w = 8, k = 3;
        var random = new Random(5);
        var image = Enumerable.Range(0, c * h * w).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var weights = Enumerable.Range(0, o * c * k * k).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var conv = new NodeProto { OpType = "Conv", Name = "conv" };
        conv.Input.AddRange(["x", "w"]);
        conv.Output.Add("y");
        conv.Attribute.Add(Ints("kernel_shape", k, k));
        conv.Attribute.Add(Ints("strides", stride, stride));
        conv.Attribute.Add(Ints("dilations", dilation, dilation));
        if (pads.Length > 0)
        {
            conv.Attribute.Add(Ints("pads", pads));
        }

        if (autoPad != "NOTSET")
        {
            conv.Attribute.Add(new AttributeProto { Name = "auto_pad", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(autoPad) });
        }

        var expected = RunConv(conv, image, weights, [o, c, k, k], [1, c, h, w]);
        var geometry = ConvGeometry.Of(conv, k, k, h, w);
        var (oh, ow) = (geometry.OutputHeight(h), geometry.OutputWidth(w));
        Assert.Equal(expected.Length, o * oh * ow);
        var row = new double[c * k * k];
        for (var p = 0; p < oh * ow; p++)
        {
            geometry.Im2ColRow(image, c, h, w, p / ow, p % ow, row);
            for (var j = 0; j < o; j++)
            {
                var value = Enumerable.Range(0, row.Length).Sum(i => weights[(j * row.Length) + i] * row[i]);
                Assert.Equal(expected[(j * oh * ow) + p], value, 1e-5);
            }
        }
    }

    private static float[] RunConv(NodeProto conv, float[] image, float[] weights, long[] weightDims, int[] inputDims)
    {
        var graph = new GraphProto { Name = "conv" };
        graph.Node.Add(conv);
        var w = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.AddRange(weightDims);
        w.FloatData.AddRange(weights);
        graph.Initializer.Add(w);
        graph.Input.Add(Info("x"));
        graph.Output.Add(Info("y"));
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        using var session = new InferenceSession(model.ToByteArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(image, inputDims))]);
        return results[0].AsTensor<float>().ToArray();
    }

    private static ValueInfoProto Info(string name) => new()
    {
        Name = name,
        Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
    };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
}
