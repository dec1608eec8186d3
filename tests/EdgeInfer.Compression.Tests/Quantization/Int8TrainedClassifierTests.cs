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
    /// Top-1 agreement of the channel-pruned (pf 0.3, no reconstruction: 31 % Top-1 on the test set) classifier with its own
    /// float model (measured 90.6 %): its logits are far less decisive, so the same quantization noise flips more images.
    /// </summary>
    private const double MinimumPrunedAgreement = 0.88;

    /// <summary>Largest logit error relative to the largest |logit| on the calibration images (measured 7.3 %, pruned 8.1 %).</summary>
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
        Assert.True(agreement >= MinimumAgreement, $"top-1 agreement {agreement:P1}");
        Assert.True(error <= MaximumRelativeError, $"largest logit error {error:P2} of the largest |logit|");
    }

    [Fact]
    public void QuantizeInPlace_ChannelPrunedClassifier_AgreesWithItsFloatModel()
    {
        var pruned = ModelProto.Parser.ParseFrom(ModelPruning.PruneInMemory(fixture.Model.ToByteArray(), new PruneFileOptions(0.3, PruningMethod.Channel)));
        var model = pruned.Clone();

        var result = Int8Quantizer.QuantizeInPlace(model, fixture.Calibration, new Int8Options());

        Assert.Equal(22, result.QuantizedConvs);
        Assert.Equal(0, result.FloatConvs);
        var (agreement, error) = Int8QuantizerTests.Compare(pruned, model, fixture.Calibration);
        Assert.True(agreement >= MinimumPrunedAgreement, $"top-1 agreement {agreement:P1}");
        Assert.True(error <= MaximumRelativeError, $"largest logit error {error:P2} of the largest |logit|");
    }
}
