using CsCheck;
using SkiaSharp;

namespace EdgeInfer.Reporting.Tests;

public sealed class ParetoChartTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "edgeinfer-pareto-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Membership_HandChecked_KeepsOnlyUndominatedPoints()
    {
        // (speedup, top-1): full (1, 84.8) and global-0.50 (1, 82.9) — same speed, less accurate: dominated;
        // channel-0.30 (1.4, 31.1) and channel-0.70 (3, 12) trade accuracy for speed; (1.4, 20) is dominated by (1.4, 31.1);
        // a duplicate of channel-0.70 is not dominated by its twin.
        ParetoPoint[] points =
        [
            new("none", "full", 1, 84.8), new("global", "global-0.50", 1, 82.9), new("channel", "channel-0.30", 1.4, 31.1),
            new("layer", "layer-0.50", 1.4, 20), new("channel", "channel-0.70", 3, 12), new("channel", "twin", 3, 12),
        ];

        Assert.Equal([true, false, true, false, true, true], ParetoFront.Membership(points));
    }

    [Fact]
    public void Membership_AnyPoints_FrontPointsAreUndominatedAndEveryOtherIsDominatedByOne()
    {
        var gen = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5]).Array[1, 12];
        gen.Sample(coordinates =>
        {
            var points = coordinates.Select((c, i) => new ParetoPoint("s", $"p{i}", c.Item1, c.Item2)).ToArray();
            var front = ParetoFront.Membership(points);
            static bool Dominates(ParetoPoint q, ParetoPoint p) => q.X >= p.X && q.Y >= p.Y && (q.X > p.X || q.Y > p.Y);
            for (var i = 0; i < points.Length; i++)
            {
                var dominated = points.Any(q => Dominates(q, points[i]));
                Assert.Equal(!dominated, front[i]);
            }

            Assert.Contains(true, front); // a finite set always has a front
        });
    }

    [Fact]
    public void Write_DrawsOneSeriesPerGroupAndTheFront_AndListsEveryPointWithItsLabel()
    {
        ParetoPoint[] points = [new("none", "full", 1, 84.8), new("channel", "channel-0.30", 1.4, 31.1), new("global", "global-0.50", 0.98, 82.9)];

        var files = ParetoChart.Write(
            "resnet18-fmnist: speedup versus Top-1", new AxisSpec("speedup (×)"), new AxisSpec("Top-1 (%)"), points, dir, "pareto");

        var chartCsv = File.ReadAllLines(files.Csv);
        Assert.Contains("Pareto front,1,84.8,left,measured", chartCsv);
        Assert.Contains("Pareto front,1.4,31.1,left,measured", chartCsv);
        Assert.DoesNotContain(chartCsv, l => l.StartsWith("Pareto front,0.98", StringComparison.Ordinal));
        var listed = File.ReadAllLines(Path.Combine(dir, "pareto-points.csv"));
        Assert.Equal("series,label,speedup (×),Top-1 (%),pareto", listed[0]);
        Assert.Equal(["none,full,1,84.8,yes", "channel,channel-0.30,1.4,31.1,yes", "global,global-0.50,0.98,82.9,no"], listed[1..]);
        using var png = SKBitmap.Decode(files.Png);
        Assert.Equal((900, 560), (png.Width, png.Height));
        Assert.Contains("Pareto front", File.ReadAllText(files.Svg), StringComparison.Ordinal);
    }
}
