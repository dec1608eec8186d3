using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Accuracy.Tests.Tradeoff;

public sealed class TradeoffReportTests
{
    /// <summary>The measured points: full 84.8 %, global-0.50 82.9 % at no speedup, channel-0.30 31.1 % at 1.4×.</summary>
    private static readonly TradeoffResult Result = new(
        "resnet18-fmnist",
        [
            Row(ModelVariant.Full("resnet18-fmnist"), 0.010, 0.010, 0.848),
            Row(ModelVariant.Pruned("resnet18-fmnist", PruningMethod.Global, PruningFactor.Of(0.5)), 0.010, 0.0102, 0.829),
            Row(ModelVariant.Pruned("resnet18-fmnist", PruningMethod.Channel, PruningFactor.Of(0.3)), 0.0098, 0.0070, 0.311),
        ],
        Samples: 30,
        IntraOpThreads: 1,
        WallSeconds: 12);

    [Fact]
    public void ParetoFront_DropsTheVariantThatIsNeitherFasterNorMoreAccurate()
    {
        Assert.Equal([true, false, true], TradeoffReport.ParetoFront(Result));
        Assert.Equal(["full", "global", "channel"], Result.Rows.Select(r => TradeoffReport.SeriesOf(r.Variant)));
    }

    [Fact]
    public void Markdown_OneRowPerVariant_WithSpeedupTop1AndTheFrontMarked()
    {
        var lines = TradeoffReport.Markdown(Result).Split('\n');

        string[] expected =
        [
            "| full * | 1.000 | 1.000 | 10.00 (11.00) | 10.00 (11.00) | 1.00× | 84.8 / 99.0 |",
            "| global-0.50 | 1.000 | 1.000 | 10.20 (11.22) | 10.00 (11.00) | 0.98× | 82.9 / 99.0 |",
            "| channel-0.30 * | 1.000 | 1.000 | 7.00 (7.70) | 9.80 (10.78) | 1.40× | 31.1 / 99.0 |",
        ];
        Assert.All(expected, row => Assert.Contains(lines, l => l.StartsWith(row, StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_TableAndParetoChart_SideBySide()
    {
        using var dir = new TempDirectory();

        var files = TradeoffReport.Write(Result, dir.Path);

        Assert.Equal(
            ["pareto-points.csv", "pareto.csv", "pareto.png", "pareto.svg", "tradeoff.csv", "tradeoff.md"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal));
        var csv = File.ReadAllLines(dir.File("tradeoff.csv"));
        Assert.StartsWith("variant,series,macs,macsRatio,", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",dataset_1,images_1,top1_1,top5_1,pareto", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",\"subset\",1000,0.829,0.99,no", csv[2], StringComparison.Ordinal);
        Assert.Contains("global,global-0.50,", File.ReadAllText(dir.File("pareto-points.csv")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A row whose full model, beside it, ran at <paramref name="fullMedian"/> s and the variant at <paramref name="median"/> s
    /// (p90 = 1.1 × median).
    /// </summary>
    private static TradeoffRow Row(ModelVariant variant, double fullMedian, double median, double top1) => new(
        variant,
        1_000_000_000,
        1,
        1000,
        variant.IsFull ? 0 : 0.5,
        Stats(median),
        Stats(fullMedian),
        fullMedian / median,
        [new TradeoffAccuracy("subset", 1000, top1, 0.99)]);

    private static LatencyStatistics Stats(double median) => new()
    {
        MedianSeconds = median,
        P90Seconds = median * 1.1,
        P99Seconds = median * 1.2,
        MinSeconds = median * 0.9,
        MaxSeconds = median * 1.2,
        MeanSeconds = median,
        Count = 30,
    };
}
