using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Accuracy.Tests.Classifier;

public sealed class BackboneGraphTests
{
    [Fact]
    public void FeatureExtractor_At224_EqualsThePackagePreprocessPlusBackbone()
    {
        // Reference: the package's own two models in sequence (RGB → BGR − mean image, then ResNet-18), batch 1.
        var random = new Random(11);
        var image = Enumerable.Range(0, 3 * 224 * 224).Select(_ => (float)random.Next(0, 256)).ToArray();
        using var prep = new InferenceSession(BackboneFiles.Preprocess);
        using var backbone = new InferenceSession(BackboneFiles.Backbone);
        using var rgb = OrtValue.CreateTensorValueFromMemory(image, [1, 3, 224, 224]);
        using var runOptions = new RunOptions();
        using var preprocessed = prep.Run(runOptions, [prep.InputNames[0]], [rgb], [prep.OutputNames[0]]);
        using var features = backbone.Run(runOptions, [backbone.InputNames[0]], [preprocessed[0]], [backbone.OutputNames[0]]);
        var reference = features[0].GetTensorDataAsSpan<float>().ToArray();

        using var extractor = new BatchRunner(BackboneGraph.FeatureExtractor(224).ToByteArray());
        var output = Array.Empty<float>();
        var width = extractor.Run(new TensorBatch(image, [0], 224), ref output);

        Assert.Equal(512, width);
        double maxAbs = reference.Max(Math.Abs);
        for (var i = 0; i < 512; i++)
        {
            // Relative to the largest feature: the reordered first-conv channels change only the float summation order.
            Assert.True(Math.Abs(reference[i] - output[i]) <= 1e-4 * maxAbs, $"feature {i}: {output[i]} vs {reference[i]}");
        }
    }

    [Fact]
    public void MeanImage_At112_IsTheAveragedPackageMeanImage()
    {
        var full = BackboneGraph.MeanImage(224);
        var half = BackboneGraph.MeanImage(112);

        Assert.Equal(3 * 112 * 112, half.Length);
        // The triangle filter at scale 2 averages a 4×4 neighbourhood with weights (1,3,3,1)/8 per axis; the per-channel
        // means must agree to a small fraction of a grey level.
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(full.Skip(c * 224 * 224).Take(224 * 224).Average(), half.Skip(c * 112 * 112).Take(112 * 112).Average(), 0.5);
        }
    }
}
