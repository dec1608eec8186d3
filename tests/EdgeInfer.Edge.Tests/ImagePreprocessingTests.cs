using EdgeInfer.Core;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Imaging;
using EdgeInfer.Models;
using EdgeInfer.Models.Building;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Edge.Tests;

public sealed class ImagePreprocessingTests
{
    [Fact]
    public void OptionsFor_ModelWithoutPreprocessMetadata_IsImageNetAtItsSize()
    {
        var path = Write(null);
        try
        {
            Assert.Equal(PreprocessOptions.ImageNet.ToSpec(), ImagePreprocessing.OptionsFor(path, 224).ToSpec());
            Assert.Equal("resize=128;crop=112", ImagePreprocessing.OptionsFor(path, 112).ToSpec()[..19]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OptionsFor_ModelWithPreprocessMetadata_UsesIt_AsTheAccuracyEvaluationDoes()
    {
        var spec = PreprocessOptions.Raw255(224).ToSpec();
        var path = Write(spec);
        try
        {
            Assert.Equal(spec, ImagePreprocessing.OptionsFor(path, 224).ToSpec());
            var error = Assert.Throws<EdgeInferInputException>(() => ImagePreprocessing.OptionsFor(path, 112));
            Assert.Contains("crop 224, but its input is 112×112", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(string? spec)
    {
        var model = TinyNetwork.Build();
        if (spec is not null)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = ModelSpecs.PreprocessKey, Value = spec });
        }

        var path = Path.Combine(Path.GetTempPath(), $"edgeinfer-preprocess-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }
}
