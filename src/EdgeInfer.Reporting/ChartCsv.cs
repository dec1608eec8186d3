using System.Globalization;
using System.Text;

namespace EdgeInfer.Reporting;

/// <summary>
/// The CSV form of a chart, one row per point: <c>series,x,y,axis,point</c> where the header names x and y by their axis
/// labels, <c>axis</c> is <c>left</c> or <c>right</c> and <c>point</c> is <c>measured</c> or <c>extrapolated</c>. Invariant culture, RFC 4180 quoting.
/// </summary>
public static class ChartCsv
{
    /// <summary>The CSV text of <paramref name="chart"/>.</summary>
    public static string Format(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var text = new StringBuilder();
        var yLabels = chart.LeftAxis.Label + (chart.RightAxis is null ? string.Empty : " | " + chart.RightAxis.Label);
        text.Append("series,").Append(Quote(chart.XAxis.Label)).Append(',').Append(Quote(yLabels)).Append(",axis,point\n");
        foreach (var s in chart.Series)
        {
            for (var i = 0; i < s.X.Count; i++)
            {
                text.Append(Quote(s.Name)).Append(',')
                    .Append(s.X[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Y[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Axis == YAxisSide.Right ? "right" : "left").Append(',')
                    .Append(s.IsExtrapolated(i) ? "extrapolated" : "measured").Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>RFC 4180 quoting of one field.</summary>
    internal static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
