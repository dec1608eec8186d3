using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Tests.Support;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;

namespace EdgeInfer.Pruning.Tests.Pipeline;

public sealed class PrunedVariantsTests
{
    [Fact]
    public void AddToRepository_StoresTheVariantUnderItsNameWithPfAndMethod()
    {
        using var dir = new TempFolder();
        var repository = ModelRepository.Open(dir.File("repo"));
        var full = repository.Add(
            TestModels.MobileNetLike(),
            new ModelAddRequest
            {
                Name = "tiny",
                Trained = true,
                Source = "test",
                Architecture = "mobilenet",
                Seed = 7,
            });
        ModelPruning.PruneFile(full.ModelPath, dir.File("pruned.onnx"), new PruneFileOptions(0.7, PruningMethod.Channel));
        var variant = ModelVariant.Pruned("tiny", PruningMethod.Channel, PruningFactor.Of(0.7));

        var entry = PrunedVariants.AddToRepository(repository, full, dir.File("pruned.onnx"), variant);

        Assert.Equal("channel-0.70", entry.Variant);
        Assert.Equal(["channel-0.70", "full"], repository.List().Where(e => e.Name == "tiny").Select(e => e.Variant).Order(StringComparer.Ordinal));
        Assert.Equal(0.7, entry.Metadata.PruningFactor);
        Assert.Equal("channel", entry.Metadata.PruningMethod);
        Assert.True(entry.Metadata.Trained);
        Assert.Equal("tiny/full", entry.Metadata.Source);
        Assert.Equal(7UL, entry.Metadata.Seed);
        Assert.Equal(File.ReadAllBytes(dir.File("pruned.onnx")), File.ReadAllBytes(entry.ModelPath));
        Assert.True(ModelVariant.TryParseName("tiny", entry.Variant, out var parsed) && parsed == variant);
    }

    [Fact]
    public void AddToRepository_QuantizedVariant_IsStoredWithItsPrecisionParametersAndMacs()
    {
        using var dir = new TempFolder();
        var repository = ModelRepository.Open(dir.File("repo"));
        var full = repository.Add(TestModels.MobileNetLike(), new ModelAddRequest { Name = "tiny", Trained = true, Source = "test" });
        File.WriteAllBytes(dir.File("int8.onnx"), QdqModel.Build().ToByteArray());
        var variant = ModelVariant.Full("tiny").WithPrecision(Precision.Int8);

        var entry = PrunedVariants.AddToRepository(repository, full, dir.File("int8.onnx"), variant);

        Assert.Equal("int8", entry.Variant);
        Assert.Equal("int8", entry.Metadata.Precision);
        Assert.Null(entry.Metadata.PruningMethod);
        Assert.Null(entry.Metadata.PruningFactor);
        Assert.Null(entry.Metadata.MacsBudget);
        Assert.Equal(QdqModel.Parameters, entry.Metadata.Parameters);
        Assert.Equal(QdqModel.Macs, entry.Metadata.Macs);
        Assert.True(ModelVariant.TryParseName("tiny", entry.Variant, out var parsed) && parsed == variant);
    }

    [Fact]
    public void AddToRepository_FullOrOtherModel_IsACallerBug()
    {
        using var dir = new TempFolder();
        var repository = ModelRepository.Open(dir.File("repo"));
        var full = repository.Add(TestModels.MobileNetLike(), new ModelAddRequest { Name = "tiny", Trained = false, Source = "test" });
        File.WriteAllBytes(dir.File("pruned.onnx"), TestModels.MobileNetLike().ToByteArray());

        Assert.Throws<ArgumentException>(() => PrunedVariants.AddToRepository(repository, full, dir.File("pruned.onnx"), ModelVariant.Full("tiny")));
        Assert.Throws<ArgumentException>(() => PrunedVariants.AddToRepository(
            repository, full, dir.File("pruned.onnx"), ModelVariant.Pruned("other", PruningMethod.Global, PruningFactor.Of(0.5))));
    }
}
