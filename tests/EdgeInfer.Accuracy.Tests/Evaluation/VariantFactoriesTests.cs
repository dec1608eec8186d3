using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Core;
using EdgeInfer.Models.Building;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;

namespace EdgeInfer.Accuracy.Tests.Evaluation;

public sealed class VariantFactoriesTests
{
    private static readonly byte[] Tiny = TinyNetwork.Build().ToByteArray();

    [Fact]
    public void Pruning_UniformFloatVariant_IsThePruningEnginesInMemoryResult()
    {
        var variant = ModelVariant.Pruned("tiny", PruningMethod.Layer, PruningFactor.Of(0.5));

        var built = VariantFactories.Pruning(Tiny, variant, TestContext.Current.CancellationToken);

        Assert.Null(VariantFactories.PruningProblem(variant));
        Assert.Equal(ModelPruning.PruneInMemory(Tiny, new PruneFileOptions(0.5, PruningMethod.Layer)), built);
    }

    [Fact]
    public void Pruning_VariantsItCannotBuild_AreRefusedByName_NotBuiltAsSomethingElse()
    {
        var full = ModelVariant.Full("tiny");
        ModelVariant[] needCompression =
        [
            ModelVariant.Pruned("tiny", PruningMethod.ChannelLs, PruningFactor.Of(0.5)),
            ModelVariant.Budgeted("tiny", PruningMethod.Channel, MacsBudget.Of(0.5)),
            full.WithPrecision(Precision.Int8),
            ModelVariant.Pruned("tiny", PruningMethod.Channel, PruningFactor.Of(0.5)).WithPrecision(Precision.Int8),
        ];

        foreach (var variant in needCompression)
        {
            var error = Assert.Throws<EdgeInferInputException>(() => VariantFactories.Pruning(Tiny, variant, TestContext.Current.CancellationToken));
            Assert.Contains($"{variant.Name} needs the compression builder", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains("is the full model", VariantFactories.PruningProblem(full), StringComparison.Ordinal);
    }

    [Fact]
    public void SeriesOf_IsTheVariantsKind()
    {
        Assert.Equal("full", TradeoffReport.SeriesOf(ModelVariant.Full("m")));
        Assert.Equal("int8", TradeoffReport.SeriesOf(ModelVariant.Full("m").WithPrecision(Precision.Int8)));
        Assert.Equal("channel-ls+int8", TradeoffReport.SeriesOf(
            ModelVariant.Pruned("m", PruningMethod.ChannelLs, PruningFactor.Of(0.5)).WithPrecision(Precision.Int8)));
        Assert.Equal("global", TradeoffReport.SeriesOf(ModelVariant.Pruned("m", PruningMethod.Global, PruningFactor.Of(0.5))));
    }
}
