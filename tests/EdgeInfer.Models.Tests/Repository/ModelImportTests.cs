using EdgeInfer.Core;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Models.Repository;
using Onnx;

namespace EdgeInfer.Models.Tests.Repository;

public sealed class ModelImportTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_UserModel_RoundTripsBytesAndMetadata(bool floatData)
    {
        var source = temp.File("user.onnx");
        var bytes = TinyModels.Bytes(TinyModels.Create(floatData));
        File.WriteAllBytes(source, bytes);
        var repo = ModelRepository.Open(temp.File("repo"));

        var entry = repo.Import(source, new ModelAddRequest { Name = "user-model", Trained = true, Source = Path.GetFullPath(source) });

        Assert.Equal(bytes, File.ReadAllBytes(repo.Get("user-model").ModelPath));
        Assert.Equal(TinyModels.Parameters, entry.Metadata.Parameters);
        Assert.Equal(TinyModels.Macs, entry.Metadata.Macs);
        Assert.True(entry.Metadata.Trained);
        Assert.Equal(Path.GetFullPath(source), entry.Metadata.Source);
        var info = ModelInspector.Inspect(entry.ModelPath);
        Assert.True(info.Trained);
        Assert.Equal(TinyModels.Parameters, info.Parameters);
        Assert.Equal("x float[batch,3,8,8]", Assert.Single(info.Inputs).ToString());
    }

    [Fact]
    public void Import_BuiltModelClaimedTrained_StaysUntrained()
    {
        var source = temp.File("built.onnx");
        File.WriteAllBytes(source, Google.Protobuf.MessageExtensions.ToByteArray(EdgeInfer.Models.Catalog.ModelCatalog.Find("mobilenet").Build(3)));
        var repo = ModelRepository.Open(temp.File("repo"));

        var entry = repo.Import(source, new ModelAddRequest { Name = "copy", Trained = true, Source = source });

        Assert.False(entry.Metadata.Trained);
        Assert.Equal(4_231_976, entry.Metadata.Parameters);
    }

    [Fact]
    public void Import_NotOnnx_IsRejectedNamingFile()
    {
        var source = temp.File("notes.onnx");
        File.WriteAllText(source, "This is a text file, not a model.\n");

        AssertRejected(source, null);
    }

    [Fact]
    public void Import_EmptyFile_IsRejectedNamingFile()
    {
        var source = temp.File("empty.onnx");
        File.WriteAllBytes(source, []);

        AssertRejected(source, "empty");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Import_TruncatedFile_IsRejectedNamingFile(double keptFraction)
    {
        var bytes = TinyModels.Bytes(TinyModels.Create());
        var source = temp.File("truncated.onnx");
        File.WriteAllBytes(source, bytes[..(int)(bytes.Length * keptFraction)]);

        AssertRejected(source, null);
    }

    [Fact]
    public void Import_TruncatedAtEveryByte_NeverAccepted()
    {
        // Truncation at a field boundary parses as valid protobuf; validation must still refuse it.
        var bytes = TinyModels.Bytes(TinyModels.Create());
        var source = temp.File("cut.onnx");
        var repo = ModelRepository.Open(temp.File("repo"));
        for (var length = 0; length < bytes.Length; length += 7)
        {
            File.WriteAllBytes(source, bytes[..length]);
            Assert.Throws<EdgeInferInputException>(() => repo.Import(source, new ModelAddRequest { Name = "cut", Trained = true, Source = source }));
        }

        Assert.Empty(repo.List());
    }

    [Fact]
    public void Import_NoFloatInput_IsRejectedNamingFile()
    {
        var source = temp.File("ints.onnx");
        File.WriteAllBytes(source, TinyModels.Bytes(TinyModels.Create(inputType: (int)TensorProto.Types.DataType.Int64)));

        AssertRejected(source, "float32 input");
    }

    [Fact]
    public void Import_MissingFile_IsRejectedNamingFile() => AssertRejected(temp.File("nope.onnx"), "does not exist");

    private void AssertRejected(string source, string? expected)
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        var ex = Assert.Throws<EdgeInferInputException>(() => repo.Import(source, new ModelAddRequest { Name = "bad", Trained = true, Source = source }));

        Assert.Contains(source, ex.Message, StringComparison.Ordinal);
        if (expected is not null)
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }

        Assert.Empty(repo.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(repo.Root));
    }
}
