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
    public void Default_UniformFloatVariant_IsThePruningEnginesInMemoryResult()
    {
        var variant = ModelVariant.Pruned("tiny", PruningMethod.Layer, PruningFactor.Of(0.5));

        var built = VariantFactories.Default(Tiny, variant, TestContext.Current.CancellationToken);

        Assert.Equal(ModelPruning.PruneInMemory(Tiny, new PruneFileOptions(0.5, PruningMethod.Layer)), built);
    }

    [Fact]
    public void Builder_DataAwareVariantWithoutCalibration_IsRefusedByName_NotBuiltAsSomethingElse()
    {
        var variant = ModelVariant.Full("tiny").WithPrecision(Precision.Int8);
        var factory = VariantFactories.Builder(new Compression.Building.VariantBuildOptions());

        var error = Assert.Throws<EdgeInferInputException>(() => factory(Tiny, variant, TestContext.Current.CancellationToken));

        Assert.Contains("int8", error.Message, StringComparison.Ordinal);
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
