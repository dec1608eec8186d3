using SkiaSharp;

namespace EdgeInfer.Reporting.Tests;

public sealed class ChartWriterTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "edgeinfer-reporting-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static LineChart Sample(string title = "Accuracy versus pruning factor") => new(
        title,
        new AxisSpec("pruning factor pf (fraction of weights zeroed)"),
        new AxisSpec("accuracy (%)", Minimum: 0, Maximum: 100),
        [
            new Series("Top-1", [0, 0.5, 0.9], [84.8, 80.1, 20.5]) { Line = LineStyle.Dashed },
            new Series("Top-5", [0, 0.5, 0.9], [99.8, 98.0, 60.0]),
            new Series("time", [0, 0.5, 0.9], [10, 9, 12]) { Axis = YAxisSide.Right, Extrapolated = [false, false, true], Line = LineStyle.Dotted },
        ])
    {
        RightAxis = new AxisSpec("time (ms)", Logarithmic: true),
    };

    [Fact]
    public void Write_ValidChart_WritesCsvPngAndSvgSideBySide()
    {
        var files = ChartWriter.Write(Sample(), dir, "fig");

        Assert.Equal(["fig.csv", "fig.png", "fig.svg"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        using var png = SKBitmap.Decode(files.Png);
        Assert.Equal((800, 500), (png.Width, png.Height));
        Assert.Contains("<svg", File.ReadAllText(files.Svg));
        Assert.Contains("Top-1", File.ReadAllText(files.Svg));
    }

    [Fact]
    public void Format_Csv_OneRowPerPointWithAxisAndKind()
    {
        var lines = ChartCsv.Format(Sample()).TrimEnd('\n').Split('\n');

        Assert.Equal("series,pruning factor pf (fraction of weights zeroed),accuracy (%) | time (ms),axis,point", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.Equal("Top-1,0.5,80.1,left,measured", lines[2]);
        Assert.Equal("time,0.9,12,right,extrapolated", lines[9]);
    }

    [Fact]
    public void Write_TitleText_IsRendered()
    {
        // The same chart with and without a title must differ in the title band: text really renders (bundled font).
        var with = ChartWriter.Write(Sample("A clearly visible title"), dir, "with");
        var without = ChartWriter.Write(Sample(string.Empty), dir, "without");
        using var a = SKBitmap.Decode(with.Png);
        using var b = SKBitmap.Decode(without.Png);

        var dark = 0;
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var p = a.GetPixel(x, y);
                if (p.Red < 128 && p.Green < 128 && p.Blue < 128)
                {
                    dark++;
                }
            }
        }

        Assert.True(dark > 100, $"only {dark} dark pixels in the title band: text did not render");
        Assert.NotEqual(a.Bytes, b.Bytes);
    }

    [Fact]
    public void Write_InvalidChart_ListsEveryProblemAndWritesNothing()
    {
        var chart = new LineChart("bad", new AxisSpec("x (s)", Logarithmic: true), new AxisSpec("y (W)"),
        [
            new Series("a", [0, 1], [1]),
            new Series("b", [0, 1], [1, double.NaN]) { Axis = YAxisSide.Right },
        ]);

        var ex = Assert.Throws<ArgumentException>(() => ChartWriter.Write(chart, dir, "bad"));

        Assert.Contains("2 x values and 1 y values", ex.Message);
        Assert.Contains("NaN", ex.Message);
        Assert.Contains("right axis but the chart has none", ex.Message);
        Assert.Contains("x ≤ 0 on a logarithmic axis", ex.Message);
        Assert.False(Directory.Exists(dir) && Directory.GetFiles(dir).Length > 0);
    }
}
