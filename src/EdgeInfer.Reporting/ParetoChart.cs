using System.Globalization;
using System.Text;

namespace EdgeInfer.Reporting;

/// <summary>
/// A trade-off chart (e.g. measured speedup against Top-1): one markers-only series per <see cref="ParetoPoint.Series"/>,
/// and the Pareto front (<see cref="ParetoFront"/>) drawn as a dashed line through its points in x order. Written by
/// <see cref="ChartWriter"/> as PNG + SVG + CSV; the CSV has the front as its own series (<c>Pareto front</c>), and a
/// second CSV, <c>&lt;name&gt;-points.csv</c>, lists every point with its label and whether it is on the front.
/// </summary>
public static class ParetoChart
{
    /// <summary>Name of the front's series in the chart and its CSV.</summary>
    public const string FrontSeries = "Pareto front";

    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>Writes <paramref name="name"/>.png/.svg/.csv and <paramref name="name"/>-points.csv into <paramref name="directory"/>.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="xAxis">x axis (label with unit), larger is better.</param>
    /// <param name="yAxis">y axis (label with unit), larger is better.</param>
    /// <param name="points">At least one point.</param>
    /// <param name="directory">Output folder (created when missing).</param>
    /// <param name="name">File stem.</param>
    /// <returns>The chart's files; the points CSV is <c>Path.ChangeExtension(Csv, null) + "-points.csv"</c>.</returns>
    /// <exception cref="ArgumentException">No points, or a point that cannot be drawn (NaN or infinite).</exception>
    public static ChartFiles Write(string title, AxisSpec xAxis, AxisSpec yAxis, IReadOnlyList<ParetoPoint> points, string directory, string name)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("A Pareto chart needs at least one point.", nameof(points));
        }

        var front = ParetoFront.Membership(points);
        var frontPoints = points.Where((_, i) => front[i]).OrderBy(p => p.X).ThenByDescending(p => p.Y).ToArray();

        // The front first, so that each group's markers are drawn over it and keep their colour.
        var series = new List<Series>
        {
            new(FrontSeries, [.. frontPoints.Select(p => p.X)], [.. frontPoints.Select(p => p.Y)]) { Line = LineStyle.Dashed, Color = "#000000" },
        };
        series.AddRange(points.Select(p => p.Series).Distinct(StringComparer.Ordinal).Select((group, i) =>
        {
            var members = points.Where(p => p.Series == group).ToArray();
            return new Series(group, [.. members.Select(p => p.X)], [.. members.Select(p => p.Y)])
            {
                Line = LineStyle.None,
                Color = Palette[i % Palette.Length],
            };
        }));
        var chart = new LineChart(title, xAxis, yAxis, series) { WidthPixels = 900, HeightPixels = 560 };
        var files = ChartWriter.Write(chart, directory, name);
        var table = new StringBuilder($"series,label,{Csv(xAxis.Label)},{Csv(yAxis.Label)},pareto\n");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            table.Append(CultureInfo.InvariantCulture, $"{Csv(p.Series)},{Csv(p.Label)},{p.X:R},{p.Y:R},{(front[i] ? "yes" : "no")}\n");
        }

        AtomicChartFile.Write(Path.Combine(directory, name + "-points.csv"), temp => File.WriteAllText(temp, table.ToString()));
        return files;
    }

    private static string Csv(string value) => ChartCsv.Quote(value);
}
