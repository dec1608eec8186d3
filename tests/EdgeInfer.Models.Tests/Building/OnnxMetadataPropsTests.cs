using EdgeInfer.Core;
using EdgeInfer.Models.Building;
using EdgeInfer.Models.Files;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models.Tests.Building;

public sealed class OnnxMetadataPropsTests
{
    [Fact]
    public void Read_GivesWhatAFullParseGives_WithoutTheGraph()
    {
        var model = TinyNetwork.Build();
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelSpecs.PreprocessKey, Value = "resize=112;crop=112" });
        var path = Path.Combine(Path.GetTempPath(), $"edgeinfer-props-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path, model.ToByteArray());
            var props = OnnxMetadataProps.Read(path);
            var parsed = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).MetadataProps.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(parsed.OrderBy(kv => kv.Key), props.OrderBy(kv => kv.Key));
            Assert.Equal("resize=112;crop=112", props[ModelSpecs.PreprocessKey]);
            Assert.Equal("false", props[ModelSpecs.TrainedKey]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NotAModel_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgeinfer-props-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
            var error = Assert.Throws<EdgeInferInputException>(() => OnnxMetadataProps.Read(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
