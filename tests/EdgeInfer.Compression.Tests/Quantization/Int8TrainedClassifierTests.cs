using EdgeInfer.Compression.Quantization;
using EdgeInfer.Compression.Tests.Support;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Tests.Quantization;

/// <summary>INT8 on the real, trained ResNet-18 backbone (opset 8, CNTK export) with a closed-form head, on Fashion-MNIST images.</summary>
public sealed class Int8TrainedClassifierTests(CentroidClassifier fixture) : IClassFixture<CentroidClassifier>
{
    /// <summary>Top-1 agreement with the float model on the 160 calibration images (measured 97.5 %: 4 flips).</summary>
    private const double MinimumAgreement = 0.97;

    /// <summary>
    /// Top-1 agreement of the channel-pruned classifier (pf 0.1, no reconstruction: 59 % on these training images) with its
    /// own float model (measured 95.0 %): its logits are less decisive, so the same quantization noise flips more images.
    /// (At pf 0.2 and above, plain channel pruning of the residual groups makes it predict one class for every image, and
    /// agreement would say nothing; the test checks that the pruned model still tells classes apart.)
    /// </summary>
    private const double MinimumPrunedAgreement = 0.93;

    /// <summary>Largest logit error relative to the largest |logit| on the calibration images (measured 7.3 %, pruned 7.2 %).</summary>
    private const double MaximumRelativeError = 0.10;

    [Fact]
    public void QuantizeInPlace_Opset8Classifier_RaisedTo13_EveryConvFused_AgreesWithFloat()
    {
        var model = fixture.Model.Clone();

        var result = Int8Quantizer.QuantizeInPlace(model, fixture.Calibration, new Int8Options());

        Assert.Equal(8, result.OpsetBefore);
        Assert.Equal(13, result.OpsetAfter);
        Assert.Equal(22, result.FoldedBatchNorms);
        Assert.Equal(22, result.QuantizedConvs);
        Assert.Equal(9, result.QuantizedAdds);
        var operators = TestGraphs.OptimizedOperators(model);
        Assert.Equal(22, operators.Count(o => o == "QLinearConv"));
        Assert.Equal(9, operators.Count(o => o == "QLinearAdd"));
        Assert.DoesNotContain("Conv", operators);
        Assert.DoesNotContain("BatchNormalization", operators);
        var (agreement, error) = Int8QuantizerTests.Compare(fixture.Model, model, fixture.Calibration);
        TestContext.Current.TestOutputHelper?.WriteLine($"top-1 agreement {agreement:P1}, logit error {error:P2}");
        Assert.True(agreement >= MinimumAgreement, $"top-1 agreement {agreement:P1}");
        Assert.True(error <= MaximumRelativeError, $"largest logit error {error:P2} of the largest |logit|");
    }

    [Fact]
    public void QuantizeInPlace_ChannelPrunedClassifier_AgreesWithItsFloatModel()
    {
        var pruned = ModelProto.Parser.ParseFrom(ModelPruning.PruneInMemory(fixture.Model.ToByteArray(), new PruneFileOptions(0.1, PruningMethod.Channel)));
        var model = pruned.Clone();
        var classes = Classes(pruned);
        Assert.True(classes >= 5, $"the pruned float model predicts only {classes} classes");

        var result = Int8Quantizer.QuantizeInPlace(model, fixture.Calibration, new Int8Options());

        Assert.Equal(22, result.QuantizedConvs);
        Assert.Equal(0, result.FloatConvs);
        var (agreement, error) = Int8QuantizerTests.Compare(pruned, model, fixture.Calibration);
        TestContext.Current.TestOutputHelper?.WriteLine($"top-1 agreement {agreement:P1}, logit error {error:P2}");
        Assert.True(agreement >= MinimumPrunedAgreement, $"top-1 agreement {agreement:P1}");
        Assert.True(error <= MaximumRelativeError, $"largest logit error {error:P2} of the largest |logit|");
    }

    /// <summary>How many different classes <paramref name="model"/> predicts on the calibration images.</summary>
    private int Classes(ModelProto model)
    {
        var images = fixture.Calibration;
        var size = CentroidClassifier.InputSize;
        var logits = TestGraphs.Run(model, images.Images(0, images.Count).ToArray(), [images.Count, 3, size, size]);
        var width = logits.Length / images.Count;
        var predicted = new HashSet<int>();
        for (var i = 0; i < images.Count; i++)
        {
            var row = logits.AsSpan(i * width, width);
            predicted.Add(row.IndexOf(row.ToArray().Max()));
        }

        return predicted.Count;
    }
}
