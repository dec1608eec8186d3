using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Compression.Building;
using EdgeInfer.Imaging;
using EdgeInfer.Models.Building;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;

namespace EdgeInfer.Accuracy.Tests.Tradeoff;

public sealed class TradeoffMeasurerTests
{
    private static readonly byte[] Tiny = TinyNetwork.Build().ToByteArray();

    private static readonly Lazy<byte[]> MobileNet = new(() => ModelCatalog.Find("mobilenet").Build(1).ToByteArray());

    [Fact]
    public void Measure_MobileNet_EachRowAgreesWithAnIndependentEvaluationAndItsOwnTimes()
    {
        // MobileNet with seeded weights (224 px in, 1000 scores out) stands in for a classifier: the measurement path is
        // what is tested, not its accuracy.
        var data = PreparedDataset.Prepare(EmbeddedSubset.Test, PreprocessOptions.ImageNet, batchSize: 4, limit: 8);
        var global = ModelVariant.Pruned("mobilenet", PruningMethod.Global, PruningFactor.Of(0.5));
        var channel = ModelVariant.Pruned("mobilenet", PruningMethod.Channel, PruningFactor.Of(0.5));
        // Refused by a builder given no calibration images (the default factory has them, and would take minutes here).
        var unbuildable = ModelVariant.Pruned("mobilenet", PruningMethod.ChannelLs, PruningFactor.Of(0.5));
        var lines = new List<string>();
        var options = new TradeoffOptions
        {
            Model = "mobilenet",
            FullModel = MobileNet.Value,
            Variants = [ModelVariant.Full("mobilenet"), global, unbuildable, channel],
            Datasets = [data],
            Samples = 3,
            WarmupRuns = 1,
            Build = VariantFactories.Builder(VariantBuildOptions.Default),
        };

        var result = TradeoffMeasurer.Measure(options, new Progress(lines), TestContext.Current.CancellationToken);

        Assert.Equal(["full", "global-0.50", "channel-0.50"], result.Rows.Select(r => r.Variant.Name));
        Assert.StartsWith("channel-ls-0.50: ", Assert.Single(result.Skipped), StringComparison.Ordinal);
        Assert.Contains("- " + result.Skipped[0], TradeoffReport.Markdown(result), StringComparison.Ordinal);
        var full = result.Rows[0];
        Assert.Equal((1.0, 1.0, 0.0), (full.Speedup, full.MacsRatio!.Value, full.BuildSeconds));
        Assert.Equal(6, full.Latency.Count); // the full model's runs beside both variants
        Assert.Equal(ModelInspector.Inspect(ModelCatalog.Find("mobilenet").Build(1), new(MobileNet.Value.LongLength)).Macs, full.Macs);
        foreach (var row in result.Rows.Skip(1))
        {
            Assert.Equal(3, row.Latency.Count);
            Assert.Equal(row.FullLatency.MedianSeconds / row.Latency.MedianSeconds, row.Speedup, 12);
            Assert.True(row.BuildSeconds > 0);
            var expected = Evaluator.Evaluate(MobileNet.Value, row.Variant, data, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(new TradeoffAccuracy(data.Description, 8, expected.Top1, expected.Top5), Assert.Single(row.Accuracy));
        }

        // Zeros do not remove multiply-accumulates; removed channels do.
        Assert.Equal(full.Macs, result.Rows[1].Macs);
        Assert.True(result.Rows[2].MacsRatio < 1, $"channel-0.50 MACs ratio {result.Rows[2].MacsRatio}");
        Assert.Contains(lines, l => l.Contains("building mobilenet/channel-0.50", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("channel-ls-0.50 not built", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("full: median", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_InvalidOptions_ListsEveryProblem()
    {
        var other = ModelVariant.Pruned("other", PruningMethod.Global, PruningFactor.Of(0.5));
        var options = new TradeoffOptions { Model = "tiny", FullModel = Tiny, Variants = [other], Samples = 0 };
        var error = Assert.Throws<Core.EdgeInferInputException>(
            () => TradeoffMeasurer.Measure(options, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("variants must be variants of tiny", error.Message, StringComparison.Ordinal);
        Assert.Contains("samples 0 is outside", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Collects progress synchronously (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
