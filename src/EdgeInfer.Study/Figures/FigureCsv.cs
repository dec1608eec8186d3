using System.Globalization;
using System.Text;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Study.Figures;

/// <summary>
/// The numbers behind a figure as CSV, one row per point: <c>panel,series,axis,x,y,kind</c> (axis <c>left</c> or <c>right</c>,
/// kind <c>measured</c>, <c>interpolated</c> or <c>extrapolated</c>), then one row per marker with series <c>marker:&lt;label&gt;</c>.
/// Numbers use the invariant culture and round-trip precision.
/// </summary>
public static class FigureCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "panel,series,axis,x,y,kind";

    /// <summary>The CSV text of <paramref name="figure"/>.</summary>
    public static string Format(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var panel in figure.Panels)
        {
            foreach (var series in panel.Series)
            {
                foreach (var point in series.Points)
                {
                    Row(text, panel.Title, series.Label, series.RightAxis ? "right" : "left", point.X, point.Y, point.Kind.ToString().ToLowerInvariant());
                }
            }

            foreach (var marker in panel.Markers)
            {
                Row(
                    text,
                    panel.Title,
                    "marker:" + marker.Label,
                    marker.Vertical ? "x" : "left",
                    marker.Vertical ? marker.Value : double.NaN,
                    marker.Vertical ? double.NaN : marker.Value,
                    "marker");
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>&lt;folder&gt;/&lt;name&gt;.csv</c> atomically and returns its path.</summary>
    public static string Write(Figure figure, string folder)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var path = Path.Combine(folder, figure.Name + ".csv");
        AtomicFile.WriteAllText(path, Format(figure));
        return path;
    }

    private static void Row(StringBuilder text, string panel, string series, string axis, double x, double y, string kind) =>
        text.Append(Quote(panel)).Append(',').Append(Quote(series)).Append(',').Append(axis).Append(',')
            .Append(Number(x)).Append(',').Append(Number(y)).Append(',').Append(kind).Append('\n');

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
