using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Accuracy.Tests.Classifier;

public sealed class ClassifierBuilderTests(ClassifierFixture fixture) : IClassFixture<ClassifierFixture>
{
    /// <summary>Absolute tolerance on logits (|logits| ≲ 30): the stitched Gemm and the double-precision reference differ only by float rounding.</summary>
    private const float LogitTolerance = 2e-3f;

    [Fact]
    public void Build_EmbeddedSubset_Top1AtPf0IsAtLeast80Percent()
    {
        var point = Evaluator.Evaluate(
            fixture.Built.Model, fixture.Test, [PruningFactor.Zero], method: null, cancellationToken: TestContext.Current.CancellationToken)[0];

        Assert.Equal(1000, point.Images);
        Assert.True(point.Top1 >= 0.80, $"Top-1 {point.Top1:P1} is below the 80 % target.");
        Assert.True(point.Top5 >= point.Top1);
    }

    [Fact]
    public void Classifier_StitchedModel_EqualsBackbonePlusHeadComputedSeparately()
    {
        var batch = fixture.Test.Batches[0];
        using var backbone = new BatchRunner(BackboneGraph.FeatureExtractor(fixture.Built.InputSize).ToByteArray());
        using var stitched = new BatchRunner(fixture.Built.Model);
        var features = Array.Empty<float>();
        var logits = Array.Empty<float>();
        var featureWidth = backbone.Run(batch, ref features);
        var classes = stitched.Run(batch, ref logits);

        Assert.Equal(BackboneGraph.FeatureCount, featureWidth);
        Assert.Equal(10, classes);
        var reference = new float[classes];
        for (var i = 0; i < batch.Count; i++)
        {
            fixture.Built.Head.Logits(features.AsSpan(i * featureWidth, featureWidth), reference);
            var row = logits.AsSpan(i * classes, classes);
            for (var k = 0; k < classes; k++)
            {
                Assert.Equal(reference[k], row[k], LogitTolerance);
            }

            Assert.Equal(ArgMax(reference), ArgMax(row));
        }
    }

    [Fact]
    public void Build_Model_IsLabelledTrainedWithProvenanceAndPreprocessing()
    {
        var model = ModelProto.Parser.ParseFrom(fixture.Built.Model);

        Assert.True(ClassifierMetadata.Trained(model));
        Assert.Equal(BackboneGraph.Preprocessing(112).ToSpec(), ClassifierMetadata.Preprocessing(model)!.ToSpec());
        Assert.Contains(BackboneFiles.PackageId, ClassifierMetadata.Get(model, ClassifierMetadata.ProvenanceKey));
        Assert.Equal(string.Join("|", FashionMnist.ClassNames), ClassifierMetadata.Get(model, ClassifierMetadata.ClassesKey));
        Assert.Equal("N", model.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Contains(model.Graph.Node, n => n.OpType == "Gemm");
    }

    [Fact]
    public void FeatureExtractor_At224_KeepsTheOriginalPoolingAndPadding()
    {
        var model = BackboneGraph.FeatureExtractor(224);

        Assert.Contains(model.Graph.Node, n => n.OpType == "AveragePool");
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "GlobalAveragePool");
    }

    [Fact]
    public void FeatureExtractor_At112_UsesGlobalPoolAndSymmetricPadding()
    {
        var model = BackboneGraph.FeatureExtractor(112);

        Assert.Contains(model.Graph.Node, n => n.OpType == "GlobalAveragePool");
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Conv" && n.Attribute.Any(a => a.Name == "pads" && a.Ints.SequenceEqual([1L, 1, 0, 0])));
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
