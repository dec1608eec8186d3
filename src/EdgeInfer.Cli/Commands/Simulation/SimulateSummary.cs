using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// The summary table of <c>simulate</c>, as <c>summary.csv</c> and as <c>--json</c> rows, with the same columns: <c>point</c>,
/// each swept key, <c>policy</c>, <c>eviction</c>, <c>replications</c>, then every <see cref="SummaryMetric"/> (the mean
/// over the replications), each followed by <c>&lt;metric&gt;_ci95</c>, the 95 % confidence half-width, when there
/// are two replications or more. CSV: invariant culture, round-trip numbers, NaN where a metric is undefined; JSON: null there.
/// </summary>
internal static class SimulateSummary
{
    /// <summary>The suffix of confidence half-width columns.</summary>
    public const string CiSuffix = "_ci95";

    /// <summary>The columns for <paramref name="sweepKeys"/> with <paramref name="replications"/> per row.</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<string> sweepKeys, int replications) =>
        ["point", .. sweepKeys, "policy", "eviction", "replications",
            .. SummaryMetric.All.SelectMany(m => replications > 1 ? [m.Name, m.Name + CiSuffix] : new[] { m.Name })];

    /// <summary>The CSV text: a header and one line per row.</summary>
    public static string Csv(IReadOnlyList<SimulateRow> rows, IReadOnlyList<string> sweepKeys, int replications)
    {
        var text = new StringBuilder().AppendJoin(',', Columns(sweepKeys, replications).Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', Cells(row, sweepKeys, replications).Select(c => c switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                int n => n.ToString(CultureInfo.InvariantCulture),
                _ => Quote(c as string ?? string.Empty),
            })).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The rows as JSON objects keyed by column; numeric sweep values as numbers, NaN as null.</summary>
    public static JsonArray Json(IReadOnlyList<SimulateRow> rows, IReadOnlyList<string> sweepKeys, int replications)
    {
        var columns = Columns(sweepKeys, replications);
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var obj = new JsonObject();
            foreach (var (column, cell) in columns.Zip(Cells(row, sweepKeys, replications)))
            {
                obj[column] = cell switch
                {
                    double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
                    int n => JsonValue.Create(n),
                    string s when sweepKeys.Contains(column) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) =>
                        JsonValue.Create(v),
                    _ => JsonValue.Create(cell as string),
                };
            }

            array.Add(obj);
        }

        return array;
    }

    /// <summary>The row's values in column order: ints, strings (sweep values as given) and doubles.</summary>
    private static IEnumerable<object> Cells(SimulateRow row, IReadOnlyList<string> sweepKeys, int replications)
    {
        yield return row.Point.Index;
        foreach (var key in sweepKeys)
        {
            yield return row.Point.Value(key) ?? string.Empty;
        }

        yield return row.Policy;
        yield return row.Eviction;
        yield return row.Summary.Replications;
        foreach (var estimate in row.Summary.Metrics)
        {
            yield return estimate.Mean;
            if (replications > 1)
            {
                yield return estimate.HalfWidth95;
            }
        }
    }

    /// <summary>RFC 4180 quoting of one field.</summary>
    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
