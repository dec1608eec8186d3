using EdgeInfer.Core;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Models.Repository;
using Google.Protobuf;

namespace EdgeInfer.Models.Tests.Repository;

public sealed class ModelRepositoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Add_BuiltMobileNet_IsListedWithMetadata()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var repo = ModelRepository.Open(temp.File("repo"), clock);
        var model = ModelCatalog.Find("mobilenet").Build(5);

        var entry = repo.Add(model, new ModelAddRequest { Name = "mobilenet", Trained = false, Source = "catalog:mobilenet", Seed = 5 });

        var listed = Assert.Single(repo.List());
        Assert.Equal(entry.ModelPath, listed.ModelPath);
        Assert.Equal(Path.Combine(repo.Root, "mobilenet", "full", "model.onnx"), listed.ModelPath);
        var m = listed.Metadata;
        Assert.Equal(4_231_976, m.Parameters);
        Assert.InRange(m.Macs!.Value, 560_000_000, 580_000_000);
        Assert.Equal(new FileInfo(entry.ModelPath).Length, m.SizeBytes);
        Assert.False(m.Trained);
        Assert.Equal(5UL, m.Seed);
        Assert.Equal(clock.GetUtcNow(), m.CreatedUtc);
        Assert.Equal("input float[N,3,224,224]", Assert.Single(m.Inputs).ToString());
        Assert.Equal("logits float[N,1000]", Assert.Single(m.Outputs).ToString());
        Assert.True(File.ReadAllBytes(entry.ModelPath).AsSpan().SequenceEqual(model.ToByteArray()));
        var inspected = ModelInspector.Inspect(entry.ModelPath);
        Assert.False(inspected.Trained);
        Assert.Equal("mobilenet-v1", inspected.Architecture);
        Assert.Equal(m.Macs, inspected.Macs);
        Assert.DoesNotContain(temp.AllFiles(), f => f.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public void Add_WriterThrowsMidway_LeavesNothingBehind()
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        Assert.Throws<IOException>(() => repo.Add(new ModelAddRequest { Name = "broken", Trained = false, Source = "test" }, stream =>
        {
            stream.Write(new byte[4096]);
            throw new IOException("disk full (simulated)");
        }));

        Assert.Empty(repo.List());
        Assert.Null(repo.TryGet("broken"));
        Assert.Empty(temp.AllFiles());
        Assert.Empty(Directory.EnumerateFileSystemEntries(repo.Root));
    }

    [Fact]
    public void Add_ReplacementWriterThrows_KeepsOldVariantIntact()
    {
        var repo = ModelRepository.Open(temp.File("repo"));
        var request = new ModelAddRequest { Name = "tiny", Trained = true, Source = "test" };
        var old = repo.Add(TinyModels.Create(), request);
        var oldBytes = File.ReadAllBytes(old.ModelPath);

        Assert.Throws<IOException>(() => repo.Add(request, _ => throw new IOException("simulated")));

        var still = repo.Get("tiny");
        Assert.Equal(oldBytes, File.ReadAllBytes(still.ModelPath));
        Assert.DoesNotContain(temp.AllFiles(), f => f.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public void Add_WriterProducesInvalidModel_IsRejectedAndRemoved()
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        Assert.Throws<EdgeInferInputException>(
            () => repo.Add(new ModelAddRequest { Name = "junk", Trained = false, Source = "test" }, s => s.Write("not a model"u8)));

        Assert.Empty(temp.AllFiles());
    }

    [Fact]
    public void Add_InvalidInMemoryModel_IsRejectedBeforeWriting()
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        var ex = Assert.Throws<ArgumentException>(
            () => repo.Add(TinyModels.Create(inputChannels: 5), new ModelAddRequest { Name = "bad", Trained = false, Source = "test" }));

        Assert.Contains("channels", ex.Message, StringComparison.Ordinal);
        Assert.Empty(temp.AllFiles());
    }

    [Fact]
    public void Add_StreamWriter_InspectsWrittenFile()
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        var entry = repo.Add(
            new ModelAddRequest
            {
                Name = "tiny", Variant = "pf0.5-unstructured", Trained = false, Source = "tiny/full", PruningFactor = 0.5, PruningMethod = "unstructured",
            },
            s => TinyModels.Create().WriteTo(s));

        Assert.Equal(TinyModels.Parameters, entry.Metadata.Parameters);
        Assert.Equal(TinyModels.Macs, entry.Metadata.Macs);
        Assert.Equal(0.5, repo.Get("tiny", "pf0.5-unstructured").Metadata.PruningFactor);
        Assert.Equal("unstructured", repo.Get("tiny", "pf0.5-unstructured").Metadata.PruningMethod);
    }

    [Fact]
    public void List_CrashLeftovers_AreInvisible()
    {
        // What a killed process can leave: a complete model without metadata, and an abandoned temp file.
        var repo = ModelRepository.Open(temp.File("repo"));
        var path = repo.ModelPath("orphan");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, TinyModels.Bytes(TinyModels.Create()));
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, ".model.onnx.0123" + AtomicFile.TempSuffix), new byte[10]);

        Assert.Empty(repo.List());
        Assert.Null(repo.TryGet("orphan"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a..b")]
    [InlineData("")]
    [InlineData(".hidden")]
    public void ModelPath_BadName_IsRejected(string name)
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        Assert.Throws<EdgeInferInputException>(() => repo.ModelPath(name));
        Assert.Throws<EdgeInferInputException>(() => repo.ModelPath("ok", name));
        Assert.Throws<EdgeInferInputException>(() => repo.Add(TinyModels.Create(), new ModelAddRequest { Name = name, Trained = true, Source = "x" }));
    }

    [Fact]
    public void Validated_SeveralBadFields_ListsEveryProblem()
    {
        var request = new ModelAddRequest { Name = "a/b", Variant = "..", Trained = true, Source = " ", PruningFactor = 1.5 };

        var ex = Assert.Throws<EdgeInferInputException>(request.Validated);

        Assert.Contains("model name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("variant name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("source", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Missing_ThrowsNamingWhatExists()
    {
        var repo = ModelRepository.Open(temp.File("repo"));
        repo.Add(TinyModels.Create(), new ModelAddRequest { Name = "tiny", Trained = true, Source = "test" });

        var ex = Assert.Throws<EdgeInferInputException>(() => repo.Get("tiny", "pf0.9"));

        Assert.Contains("tiny/full", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_Variant_DisappearsAndFoldersAreCleaned()
    {
        var repo = ModelRepository.Open(temp.File("repo"));
        repo.Add(TinyModels.Create(), new ModelAddRequest { Name = "tiny", Trained = true, Source = "test" });

        Assert.True(repo.Remove("tiny"));

        Assert.Empty(repo.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(repo.Root));
        Assert.False(repo.Remove("tiny"));
    }
}
