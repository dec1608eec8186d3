using EdgeInfer.Compression.Calibration;
using EdgeInfer.Compression.Quantization;
using EdgeInfer.Compression.Tests.Support;
using EdgeInfer.Core;
using EdgeInfer.Models.Building;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Tests.Quantization;

public sealed class Int8QuantizerTests
{
    private static CalibrationSet Noise(int count, int size = 224, int seed = 3) =>
        new("noise", 3, size, size, TestGraphs.Uniform(new Random(seed), count * 3 * size * size, 0, 1));

    /// <summary>Top-1 agreement and the largest logit error relative to the largest |logit|, over every image of the set.</summary>
    internal static (double Agreement, double RelativeError) Compare(ModelProto reference, ModelProto quantized, CalibrationSet images)
    {
        var input = images.Images(0, images.Count).ToArray();
        int[] shape = [images.Count, images.Channels, images.Height, images.Width];
        var expected = TestGraphs.Run(reference, input, shape);
        var actual = TestGraphs.Run(quantized, input, shape);
        var classes = expected.Length / images.Count;
        var agree = 0;
        for (var i = 0; i < images.Count; i++)
        {
            var e = expected.AsSpan(i * classes, classes);
            var a = actual.AsSpan(i * classes, classes);
            agree += e.IndexOf(System.Linq.Enumerable.Max(e.ToArray())) == a.IndexOf(System.Linq.Enumerable.Max(a.ToArray())) ? 1 : 0;
        }

        return ((double)agree / images.Count, TestGraphs.RelativeError(expected, actual));
    }

    [Fact]
    public void QuantizeInPlace_TinyNetwork_EveryOperatorQuantizedAndAgreesWithFloatOnTheCalibrationImages()
    {
        var model = TinyNetwork.Build();
        var reference = model.Clone();
        var images = Noise(64);

        var result = Int8Quantizer.QuantizeInPlace(model, images, new Int8Options());

        Assert.Equal(3, result.QuantizedConvs);
        Assert.Equal(1, result.QuantizedGemms);
        Assert.Equal(1, result.QuantizedAdds);
        Assert.Equal(1, result.QuantizedNodes["Concat"]);
        Assert.Equal(3, result.QuantizedNodes["Relu"]);
        Assert.Equal(3, result.FoldedBatchNorms);
        Assert.Equal(0, result.FloatConvs);
        Assert.Equal(64, result.CalibrationImages);
        Assert.Equal(13, result.OpsetAfter);
        Assert.Contains(model.MetadataProps, p => p.Key == Int8Quantizer.MetadataKey && p.Value.Contains("per-channel", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Graph.Initializer, t => t.Name == "conv.weight");
        var (agreement, error) = Compare(reference, model, images);
        Assert.True(agreement >= 0.97, $"top-1 agreement {agreement:P1}");
        Assert.True(error <= 0.03, $"largest logit error {error:P2} of the largest |logit|");
    }

    [Fact]
    public void QuantizeInPlace_ChannelPrunedMobileNet_LogitsWithin5PercentOfTheFloatModel()
    {
        // Untrained weights on noise images: the top-1/top-2 margins are 0.1–4.5 % of the top logit, inside the quantization
        // error, so top-1 agreement is checked on a trained classifier (Int8TrainedClassifierTests); here the logit error is.
        var pruned = ModelProto.Parser.ParseFrom(
            ModelPruning.PruneInMemory(ModelCatalog.Find("mobilenet").Build(1).ToByteArray(), new PruneFileOptions(0.5, PruningMethod.Channel)));
        var model = pruned.Clone();
        var images = Noise(16);

        var result = Int8Quantizer.QuantizeInPlace(model, images, new Int8Options());

        Assert.Equal(27, result.QuantizedConvs);
        Assert.Equal(0, result.FloatConvs);
        Assert.Equal(27, TestGraphs.OptimizedOperators(model).Count(o => o == "QLinearConv"));
        var (_, error) = Compare(pruned, model, images);
        Assert.True(error <= 0.05, $"largest logit error {error:P2} of the largest |logit|");
    }

    [Fact]
    public void QuantizeInPlace_TinyNetwork_OrtFusesEveryQdqGroupIntoIntegerKernels()
    {
        var model = TinyNetwork.Build();
        Int8Quantizer.QuantizeInPlace(model, Noise(4), new Int8Options());

        var operators = TestGraphs.OptimizedOperators(model);

        Assert.Equal(3, operators.Count(o => o == "QLinearConv"));
        Assert.Contains("QLinearAdd", operators);
        Assert.Contains("QLinearConcat", operators);
        Assert.Contains("QGemm", operators);
        Assert.DoesNotContain("Conv", operators);
        Assert.DoesNotContain("Relu", operators);
        // One QuantizeLinear for the image, none left between integer kernels.
        Assert.Equal(1, operators.Count(o => o == "QuantizeLinear"));
    }

    [Fact]
    public void QuantizeInPlace_GemmWithoutTransposedB_IsQuantizedAlongItsOutputAxisAndAgrees()
    {
        // x [N,3,8,8] → Conv 3→4 → Relu → GlobalAveragePool → Flatten → Gemm (B is [4, 5], transB = 0) → y [N,5].
        var graph = TestGraphs.Graph("gemm", TestGraphs.Info("x", null, 3, 8, 8), TestGraphs.Info("y", null, 5));
        var random = new Random(11);
        TestGraphs.Node(graph, "Conv", ["x", TestGraphs.Initializer(graph, "w", [4, 3, 3, 3], TestGraphs.Uniform(random, 108, -1, 1))], "c",
            TestGraphs.Ints("pads", 1, 1, 1, 1));
        TestGraphs.Node(graph, "Relu", ["c"], "r");
        TestGraphs.Node(graph, "GlobalAveragePool", ["r"], "p");
        TestGraphs.Node(graph, "Flatten", ["p"], "f", TestGraphs.Int("axis", 1));
        TestGraphs.Node(graph, "Gemm", [
            "f", TestGraphs.Initializer(graph, "b", [4, 5], TestGraphs.Uniform(random, 20, -1, 1)),
            TestGraphs.Initializer(graph, "c0", [5], TestGraphs.Uniform(random, 5, -0.5, 0.5)),
        ], "y");
        var model = TestGraphs.Model(graph);
        var reference = model.Clone();
        var images = new CalibrationSet("noise", 3, 8, 8, TestGraphs.Uniform(random, 32 * 192, 0, 1));

        var result = Int8Quantizer.QuantizeInPlace(model, images, new Int8Options());

        Assert.Equal(1, result.QuantizedGemms);
        var dq = model.Graph.Node.Single(n => n.OpType == "DequantizeLinear" && n.Output[0].StartsWith("b_", StringComparison.Ordinal));
        Assert.Equal(1, dq.Attribute.Single(a => a.Name == "axis").I);
        Assert.Contains("QGemm", TestGraphs.OptimizedOperators(model));
        var (_, error) = Compare(reference, model, images);
        Assert.True(error <= 0.03, $"largest output error {error:P2} of the largest |output|");
    }

    [Fact]
    public void QuantizeInPlace_ModelWithoutConvOrGemm_IsAnInputErrorAndLeavesTheModelAlone()
    {
        var graph = TestGraphs.Graph("none", TestGraphs.Info("x", null, 3, 8, 8), TestGraphs.Info("y", null, 3));
        TestGraphs.Node(graph, "Relu", ["x"], "r");
        TestGraphs.Node(graph, "GlobalAveragePool", ["r"], "p");
        TestGraphs.Node(graph, "Flatten", ["p"], "y", TestGraphs.Int("axis", 1));
        var model = TestGraphs.Model(graph, opset: 11, irVersion: 6);
        var before = model.Clone();

        var ex = Assert.Throws<EdgeInferInputException>(
            () => Int8Quantizer.QuantizeInPlace(model, new CalibrationSet("x", 3, 8, 8, new float[192]), new Int8Options()));

        Assert.Contains("no float Conv or Gemm", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, model);
    }

    [Fact]
    public void QuantizeInPlace_ImagesOfTheWrongSize_IsAnInputErrorNamingBothShapesAndLeavesTheModelAlone()
    {
        var model = TinyNetwork.Build();
        var before = model.Clone();

        var ex = Assert.Throws<EdgeInferInputException>(() => Int8Quantizer.QuantizeInPlace(model, Noise(2, size: 32), new Int8Options()));

        Assert.Contains("3×32×32", ex.Message, StringComparison.Ordinal);
        Assert.Contains("224", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, model);
    }

    [Fact]
    public void QuantizeInPlace_AlreadyQuantized_IsAnInputError()
    {
        var model = TinyNetwork.Build();
        Int8Quantizer.QuantizeInPlace(model, Noise(2), new Int8Options());

        var ex = Assert.Throws<EdgeInferInputException>(() => Int8Quantizer.QuantizeInPlace(model, Noise(2), new Int8Options()));

        Assert.Contains("already quantized", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_ListsEveryProblem()
    {
        var options = new Int8Options { Percentile = 40, CalibrationImages = 0, CalibrationBatchSize = 0, IntraOpThreads = 0 };

        var ex = Assert.Throws<EdgeInferInputException>(() => options.Validated());

        Assert.Contains("percentile 40", ex.Message, StringComparison.Ordinal);
        Assert.Contains("calibration images 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("calibration batch size 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("intra-op threads 0", ex.Message, StringComparison.Ordinal);
    }
}
