using ScottPlot;

namespace EdgeInfer.Reporting;

/// <summary>
/// Renders a <see cref="LineChart"/> with ScottPlot to PNG and SVG and writes its data as CSV, all three next to each other
/// (<c>&lt;dir&gt;/&lt;name&gt;.csv|png|svg</c>), each atomically (temporary file, then rename). The legend sits outside the
/// data area (right edge) so it never hides a line. Text uses the bundled DejaVu Sans font, so it renders on machines
/// without system fonts.
/// </summary>
public static class ChartWriter
{
    /// <summary>Name of the bundled font family.</summary>
    public const string FontName = "DejaVu Sans";

    private static readonly Lazy<bool> FontRegistered = new(RegisterFont);

    /// <summary>Writes <paramref name="chart"/> as <paramref name="baseName"/>.csv/.png/.svg in <paramref name="directory"/>.</summary>
    /// <exception cref="ArgumentException">The chart is invalid (every problem listed) or the name is empty.</exception>
    public static ChartFiles Write(LineChart chart, string directory, string baseName)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(baseName);
        var problems = chart.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Chart '{chart.Title}' cannot be drawn: " + string.Join("; ", problems) + ".", nameof(chart));
        }

        Directory.CreateDirectory(directory);
        var files = new ChartFiles(
            Path.Combine(directory, baseName + ".csv"), Path.Combine(directory, baseName + ".png"), Path.Combine(directory, baseName + ".svg"));
        var plot = Build(chart);
        AtomicChartFile.Write(files.Csv, temp => File.WriteAllText(temp, ChartCsv.Format(chart)));
        AtomicChartFile.Write(files.Png, temp => plot.SavePng(temp, chart.WidthPixels, chart.HeightPixels));
        AtomicChartFile.Write(files.Svg, temp => plot.SaveSvg(temp, chart.WidthPixels, chart.HeightPixels));
        return files;
    }

    /// <summary>The ScottPlot plot of <paramref name="chart"/> (not validated; use <see cref="Write"/>).</summary>
    internal static Plot Build(LineChart chart)
    {
        _ = FontRegistered.Value;
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(chart.Title);
        plot.XLabel(chart.XAxis.Label);
        plot.YLabel(chart.LeftAxis.Label);
        if (chart.RightAxis is not null)
        {
            plot.Axes.Right.Label.Text = chart.RightAxis.Label;
            plot.Axes.Right.Label.FontName = FontName;
            plot.Axes.Right.TickLabelStyle.FontName = FontName;
        }

        bool anyExtrapolated = false;
        for (int k = 0; k < chart.Series.Count; k++)
        {
            anyExtrapolated |= AddSeries(plot, chart, k);
        }

        if (anyExtrapolated)
        {
            // ScottPlot shows manual items after the automatic ones: only the marker note is added.
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "● measured  ○ extrapolated", LineWidth = 0, MarkerShape = MarkerShape.None });
        }

        // Autoscale once, then apply fixed limits axis by axis (a later autoscale would undo earlier limits).
        plot.Axes.AutoScale();
        ConfigureAxis(plot, plot.Axes.Bottom, chart.XAxis, horizontal: true);
        ConfigureAxis(plot, plot.Axes.Left, chart.LeftAxis, horizontal: false);
        if (chart.RightAxis is not null)
        {
            ConfigureAxis(plot, plot.Axes.Right, chart.RightAxis, horizontal: false);
        }

        plot.Legend.FontName = FontName;
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>Adds series <paramref name="k"/> of <paramref name="chart"/>; true when it has extrapolated points (drawn open).</summary>
    private static bool AddSeries(Plot plot, LineChart chart, int k)
    {
        var s = chart.Series[k];
        var color = s.Color is null ? plot.Add.Palette.GetColor(k) : Color.FromHex(s.Color);
        var yAxisSpec = s.Axis == YAxisSide.Right ? chart.RightAxis! : chart.LeftAxis;
        var xs = s.X.Select(x => Transform(x, chart.XAxis)).ToArray();
        var ys = s.Y.Select(y => Transform(y, yAxisSpec)).ToArray();
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LegendText = s.Name;
        line.LineWidth = s.Line == LineStyle.None ? 0 : 2;
        line.LinePattern = s.Line switch { LineStyle.Dashed => LinePattern.Dashed, LineStyle.Dotted => LinePattern.Dotted, _ => LinePattern.Solid };
        line.MarkerShape = MarkerShape.FilledCircle;
        line.MarkerSize = 7;
        if (s.Axis == YAxisSide.Right)
        {
            line.Axes.YAxis = plot.Axes.Right;
        }

        var extrapolated = Enumerable.Range(0, xs.Length).Where(s.IsExtrapolated).ToArray();
        if (extrapolated.Length == 0)
        {
            return false;
        }

        // Open markers over the filled ones: white fill, coloured outline.
        var openXs = extrapolated.Select(i => xs[i]).ToArray();
        var openYs = extrapolated.Select(i => ys[i]).ToArray();
        var open = plot.Add.Markers(openXs, openYs, MarkerShape.FilledCircle, 7, Colors.White);
        var ring = plot.Add.Markers(openXs, openYs, MarkerShape.OpenCircle, 8, color);
        if (s.Axis == YAxisSide.Right)
        {
            open.Axes.YAxis = plot.Axes.Right;
            ring.Axes.YAxis = plot.Axes.Right;
        }

        return true;
    }

    private static double Transform(double value, AxisSpec axis) => axis.Logarithmic ? Math.Log10(value) : value;

    private static void ConfigureAxis(Plot plot, ScottPlot.IAxis axis, AxisSpec spec, bool horizontal)
    {
        if (spec.Logarithmic)
        {
            var ticks = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = v => FormatPower(Math.Pow(10, v)),
            };
            axis.TickGenerator = ticks;
        }

        if (spec.Minimum is not null || spec.Maximum is not null)
        {
            var range = axis.Range;
            double min = spec.Minimum is { } a ? Transform(a, spec) : range.Min;
            double max = spec.Maximum is { } b ? Transform(b, spec) : range.Max;
            if (horizontal)
            {
                plot.Axes.SetLimitsX(min, max, (ScottPlot.IXAxis)axis);
            }
            else
            {
                plot.Axes.SetLimitsY(min, max, (ScottPlot.IYAxis)axis);
            }
        }
    }

    private static string FormatPower(double value) =>
        value.ToString(value >= 1e-3 && value < 1e6 ? "G4" : "0.#E+0", System.Globalization.CultureInfo.InvariantCulture);

    private static bool RegisterFont()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf");
        if (!File.Exists(path))
        {
            path = Path.Combine(Path.GetDirectoryName(typeof(ChartWriter).Assembly.Location) ?? ".", "Fonts", "DejaVuSans.ttf");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The bundled font '{path}' is missing; rebuild EdgeInfer.Reporting.");
        }

        Fonts.AddFontFile(FontName, path);
        return true;
    }
}
