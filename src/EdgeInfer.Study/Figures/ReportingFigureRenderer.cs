using EdgeInfer.Reporting;

namespace EdgeInfer.Study.Figures;

/// <summary>
/// Draws study figures with <see cref="PanelChartWriter"/> (EdgeInfer.Reporting, ScottPlot): one chart per panel, side by
/// side. A series that has extrapolated points is split into its measured part (solid, filled markers) and its
/// extrapolated part (dotted, open markers) in the same colour. Edge strategies are drawn in reds, device strategies in blues.
/// </summary>
public sealed class ReportingFigureRenderer : IFigureRenderer
{
    /// <summary>
    /// Colours by <see cref="FigureSeries.ColorIndex"/>: edge-full, edge-prepruned, edge-ondemand (reds), device-full,
    /// device-prepruned, device-ondemand (blues).
    /// </summary>
    private static readonly string[] Palette = ["#B2182B", "#EF6548", "#FDAE61", "#08306B", "#2171B5", "#6BAED6", "#238B45", "#6A3D9A"];

    /// <summary>Reference lines in a panel get distinct greys (dark to light) so that each can be told from the legend.</summary>
    private static readonly string[] MarkerGreys = ["#333333", "#777777", "#AAAAAA"];

    /// <summary>Width of one panel, pixels.</summary>
    public int PanelWidthPixels { get; init; } = 860;

    /// <summary>Height of a panel, pixels.</summary>
    public int PanelHeightPixels { get; init; } = 500;

    /// <inheritdoc />
    public IReadOnlyList<string> Render(Figure figure, string folder)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Panels.All(p => p.Series.All(s => s.Points.Count == 0)))
        {
            // Nothing was measured for it (e.g. accuracy skipped): the CSV and the report say so; there is nothing to draw.
            return [];
        }

        var panels = figure.Panels.Select(p => new ChartPanel(Chart(p))
        {
            Lines = p.Markers.Select((m, i) => new ReferenceLine(m.Value, m.Label, m.Vertical) { Color = MarkerGreys[i % MarkerGreys.Length] }).ToArray(),
        }).ToArray();
        var files = PanelChartWriter.Write(panels, folder, figure.Name);
        return [files.Png, files.Svg];
    }

    /// <summary>A log axis only where its values span a decade or more: a narrower log axis would get no labelled tick.</summary>
    private static bool LogY(FigurePanel panel, bool right) =>
        panel.LogY && SpansDecade(panel, s => s.RightAxis == right ? s.Points.Select(p => p.Y) : []);

    private static (double Min, double Max) Range(FigurePanel panel, bool right)
    {
        var values = panel.Series.Where(s => s.RightAxis == right).SelectMany(s => s.Points.Select(p => p.Y)).Where(v => v > 0).ToArray();
        return (values.Min(), values.Max());
    }

    private static bool SpansDecade(FigurePanel panel, Func<FigureSeries, IEnumerable<double>> values)
    {
        var all = panel.Series.SelectMany(values).Where(v => v > 0).ToArray();
        return all.Length > 0 && all.Max() / all.Min() >= 10;
    }

    private LineChart Chart(FigurePanel panel)
    {
        var series = new List<Series>();
        foreach (var s in panel.Series.Where(s => s.Points.Count > 0))
        {
            var color = Palette[s.ColorIndex % Palette.Length];
            var line = s.Dashed ? LineStyle.Dashed : LineStyle.Solid;
            var axis = s.RightAxis ? YAxisSide.Right : YAxisSide.Left;
            var first = s.Points.ToList().FindIndex(p => p.Kind == PointKind.Extrapolated);
            var measured = first < 0 ? s.Points : s.Points.Take(first).ToArray();
            if (measured.Count > 0)
            {
                series.Add(
                    new Series(s.Label, measured.Select(p => p.X).ToArray(), measured.Select(p => p.Y).ToArray()) { Line = line, Axis = axis, Color = color });
            }

            if (first >= 0)
            {
                // Start the extrapolated part at the last measured point so the curve stays continuous.
                var tail = s.Points.Skip(Math.Max(first - 1, 0)).ToArray();
                series.Add(new Series(measured.Count > 0 ? "" : s.Label, tail.Select(p => p.X).ToArray(), tail.Select(p => p.Y).ToArray())
                {
                    Line = LineStyle.Dotted,
                    Axis = axis,
                    Color = color,
                    Extrapolated = tail.Select(p => p.Kind == PointKind.Extrapolated).ToArray(),
                });
            }
        }

        // Horizontal reference lines (battery capacities) must be inside the left axis even when the data stay far below them.
        var highest = panel.Markers.Where(m => !m.Vertical).Select(m => m.Value).DefaultIfEmpty(double.NaN).Max();
        var logY = LogY(panel, right: false) || (panel.LogY && double.IsFinite(highest));
        var left = new AxisSpec(panel.YLabel, logY, Maximum: double.IsFinite(highest) ? highest * (logY ? 3 : 1.1) : null);
        AxisSpec? rightAxis = null;
        if (panel.RightYLabel is { } rightLabel)
        {
            var logRight = LogY(panel, right: true);
            rightAxis = new AxisSpec(rightLabel, logRight);
            if (logY && logRight)
            {
                // Proportional curves (energy = P·time) would lie exactly on top of each other on two log axes:
                // put the left-axis curves in the upper part of the panel and the right-axis curves in the lower part.
                var (lMin, lMax) = Range(panel, right: false);
                var (rMin, rMax) = Range(panel, right: true);
                left = left with { Minimum = lMin / 30, Maximum = lMax * 2 };
                rightAxis = rightAxis with { Minimum = rMin / 2, Maximum = rMax * 30 };
            }
        }

        return new LineChart(panel.Title, new AxisSpec(panel.XLabel, panel.LogX && SpansDecade(panel, s => s.Points.Select(p => p.X))), left, series)
        {
            RightAxis = rightAxis,
            WidthPixels = PanelWidthPixels,
            HeightPixels = PanelHeightPixels,
        };
    }
}
