using ScottPlot;
using SkiaSharp;

namespace EdgeInfer.Reporting;

/// <summary>
/// Renders several <see cref="ChartPanel"/>s side by side into one PNG and one SVG (<c>&lt;dir&gt;/&lt;name&gt;.png|svg</c>),
/// each atomically. Every panel is drawn exactly as <see cref="ChartWriter"/> draws a chart (same fonts, legend outside the
/// data area, open markers for extrapolated points), plus its reference lines.
/// </summary>
public static class PanelChartWriter
{
    /// <summary>Writes the panels; the image is the sum of the panel widths by the largest panel height.</summary>
    /// <exception cref="ArgumentException">No panel, or an invalid chart (every problem listed).</exception>
    public static PanelFiles Write(IReadOnlyList<ChartPanel> panels, string directory, string baseName)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(baseName);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A figure needs at least one panel.", nameof(panels));
        }

        var problems = panels.SelectMany(p => p.Chart.Problems().Select(problem => $"'{p.Chart.Title}': {problem}"))
            .Concat(panels.SelectMany(p => p.Lines
                .Where(l => !double.IsFinite(l.Value) || (l.Value <= 0 && (l.Vertical ? p.Chart.XAxis : p.Chart.LeftAxis).Logarithmic))
                .Select(l => $"'{p.Chart.Title}': reference line '{l.Label}' at {l.Value} cannot be drawn")))
            .ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException("Figure cannot be drawn: " + string.Join("; ", problems) + ".", nameof(panels));
        }

        Directory.CreateDirectory(directory);
        var plots = panels.Select(Build).ToArray();
        var width = panels.Sum(p => p.Chart.WidthPixels);
        var height = panels.Max(p => p.Chart.HeightPixels);
        var files = new PanelFiles(Path.Combine(directory, baseName + ".png"), Path.Combine(directory, baseName + ".svg"));
        AtomicChartFile.Write(files.Png, temp =>
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, height))
                ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
            Draw(surface.Canvas, plots, panels);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            using var stream = File.Create(temp);
            data.SaveTo(stream);
        });
        AtomicChartFile.Write(files.Svg, temp =>
        {
            using var stream = File.Create(temp);
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            {
                Draw(canvas, plots, panels);
            }
        });
        return files;
    }

    private static void Draw(SKCanvas canvas, Plot[] plots, IReadOnlyList<ChartPanel> panels)
    {
        canvas.Clear(SKColors.White);
        var left = 0;
        for (var i = 0; i < plots.Length; i++)
        {
            // Each plot clears and fills its whole canvas, so it draws into a translated, clipped region of its own.
            var chart = panels[i].Chart;
            canvas.Save();
            canvas.Translate(left, 0);
            canvas.ClipRect(new SKRect(0, 0, chart.WidthPixels, chart.HeightPixels));
            plots[i].Render(canvas, new PixelRect(0, chart.WidthPixels, chart.HeightPixels, 0));
            canvas.Restore();
            left += chart.WidthPixels;
        }
    }

    private static Plot Build(ChartPanel panel)
    {
        var plot = ChartWriter.Build(panel.Chart);

        // Skia's SVG backend drops dash patterns (it prints "Unsupported path effect"), so dashed series also get square
        // markers: solid and dashed curves stay distinguishable in the SVG and in the legend.
        foreach (var line in plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Where(l => l.LinePattern.Equals(LinePattern.Dashed)))
        {
            line.MarkerShape = MarkerShape.FilledSquare;
        }
        foreach (var line in panel.Lines)
        {
            var color = line.Color is null ? Colors.Gray : Color.FromHex(line.Color);
            var axis = line.Vertical ? panel.Chart.XAxis : panel.Chart.LeftAxis;
            var value = axis.Logarithmic ? Math.Log10(line.Value) : line.Value;
            var plottable = line.Vertical
                ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(value, 1.5f, color, LinePattern.Dashed)
                : plot.Add.HorizontalLine(value, 1.5f, color, LinePattern.Dashed);
            plottable.LegendText = line.Label;
        }

        return plot;
    }
}
