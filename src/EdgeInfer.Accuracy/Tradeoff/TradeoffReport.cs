using System.Globalization;
using System.Text;
using EdgeInfer.Models.Files;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Reporting;

namespace EdgeInfer.Accuracy.Tradeoff;

/// <summary>
/// The files of a trade-off measurement, written the same way by <c>edgeinfer tradeoff</c> and by the study for its
/// accuracy model: <c>tradeoff.csv</c> and <c>tradeoff.md</c> (one row per variant), and the Pareto chart
/// <c>pareto.png/.svg/.csv</c> + <c>pareto-points.csv</c> (measured speedup on x, Top-1 on the first dataset on y, one
/// series per method, the Pareto front marked) through <see cref="ParetoChart"/>.
/// </summary>
public static class TradeoffReport
{
    /// <summary>File stem of the table (<c>.csv</c>, <c>.md</c>).</summary>
    public const string TableName = "tradeoff";

    /// <summary>File stem of the Pareto chart.</summary>
    public const string ChartName = "pareto";

    /// <summary>
    /// The chart series a variant belongs to: its kind (<see cref="ModelVariant.Kind"/>: <c>global</c>, <c>channel-ls</c>,
    /// <c>channel-ls+int8</c>, <c>int8</c>), or <c>full</c>.
    /// </summary>
    public static string SeriesOf(ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return variant.Kind ?? variant.Name;
    }

    /// <summary>
    /// Whether each row is on the Pareto front of (speedup, Top-1 on the first dataset), in row order; rows without an
    /// accuracy are never on it.
    /// </summary>
    public static IReadOnlyList<bool> ParetoFront(TradeoffResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var measured = result.Rows.Where(r => r.Accuracy.Count > 0).ToArray();
        var front = Reporting.ParetoFront.Membership(Points(measured));
        return [.. result.Rows.Select(r => Array.IndexOf(measured, r) is var i and >= 0 && front[i])];
    }

    /// <summary>
    /// Writes the table (and, with <paramref name="chart"/> and any accuracy, the Pareto chart) into <paramref name="folder"/>;
    /// returns the files.
    /// </summary>
    public static IReadOnlyList<string> Write(TradeoffResult result, string folder, bool chart = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var files = new List<string> { Path.Combine(folder, TableName + ".csv"), Path.Combine(folder, TableName + ".md") };
        AtomicFile.WriteAllText(files[0], Csv(result));
        AtomicFile.WriteAllText(files[1], Markdown(result));
        var measured = result.Rows.Where(r => r.Accuracy.Count > 0).ToArray();
        if (chart && measured.Length > 0)
        {
            var first = measured[0].Accuracy[0];
            var written = ParetoChart.Write(
                F($"{result.Model}: measured speedup versus Top-1 (batch 1, {result.IntraOpThreads} thread(s), {first.Images} images)"),
                new AxisSpec("speedup over the full model (×, ORT median latency ratio)"),
                new AxisSpec(F($"Top-1 (%) on {first.Dataset}")),
                Points(measured),
                folder,
                ChartName);
            files.AddRange([written.Png, written.Svg, written.Csv, Path.Combine(folder, ChartName + "-points.csv")]);
        }

        return files;
    }

    /// <summary>The CSV table: one row per variant, accuracy columns per dataset (<c>top1_1</c>, <c>top5_1</c>, … in dataset order).</summary>
    public static string Csv(TradeoffResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var datasets = result.Rows.Max(r => r.Accuracy.Count);
        var text = new StringBuilder("variant,series,macs,macsRatio,onnxBytes,buildSeconds,medianMs,p90Ms,fullMedianMs,fullP90Ms,speedup");
        for (var d = 1; d <= datasets; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $",dataset_{d},images_{d},top1_{d},top5_{d}");
        }

        text.Append(",pareto\n");
        var front = ParetoFront(result);
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var r = result.Rows[i];
            text.Append(CultureInfo.InvariantCulture, $"{r.Variant.Name},{SeriesOf(r.Variant)},{r.Macs},{r.MacsRatio:R},{r.OnnxBytes},{r.BuildSeconds:R},")
                .Append(CultureInfo.InvariantCulture, $"{r.Latency.MedianSeconds * 1e3:R},{r.Latency.P90Seconds * 1e3:R},")
                .Append(CultureInfo.InvariantCulture, $"{r.FullLatency.MedianSeconds * 1e3:R},{r.FullLatency.P90Seconds * 1e3:R},{r.Speedup:R}");
            foreach (var a in r.Accuracy)
            {
                text.Append(CultureInfo.InvariantCulture, $",\"{a.Dataset.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{a.Images},{a.Top1:R},{a.Top5:R}");
            }

            text.Append(',', 4 * (datasets - r.Accuracy.Count)).Append(front[i] ? ",yes\n" : ",no\n");
        }

        return text.ToString();
    }

    /// <summary>The Markdown table (Top-1/Top-5 in %, latencies in ms as median (p90)), with a line on how it was measured.</summary>
    public static string Markdown(TradeoffResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var datasets = result.Rows.SelectMany(r => r.Accuracy.Select((a, d) => (d, Name: F($"{a.Dataset}, {a.Images} images"))))
            .DistinctBy(x => x.d).OrderBy(x => x.d).Select(x => x.Name).ToArray();
        var md = new StringBuilder();
        md.Append(F($"`{result.Model}`: ONNX Runtime latency at batch 1 with {result.IntraOpThreads} intra-op thread(s), {result.Samples} timed runs "))
            .Append("of each variant alternating with the full model in the same run (speedup = full median / variant median); ")
            .AppendLine("Top-1 / Top-5 in %; build = time to make the variant from the full model in memory; * = on the Pareto front of speedup and Top-1.")
            .AppendLine();
        md.Append("| variant | MACs (G) | MACs ratio | latency ms, median (p90) | full beside it, ms | speedup |");
        md.AppendJoin("", datasets.Select(d => $" Top-1 / Top-5, {d} |")).AppendLine(" build s |");
        md.Append("|---|---:|---:|---:|---:|---:|").AppendJoin("", datasets.Select(_ => "---:|")).AppendLine("---:|");
        var front = ParetoFront(result);
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var r = result.Rows[i];
            var macs = r.Macs is { } m ? F($"{m / 1e9:0.000}") : "?";
            md.Append(F($"| {r.Variant.Name}{(front[i] ? " *" : "")} | {macs} | {r.MacsRatio:0.000} | "))
                .Append(F($"{Ms(r.Latency)} | {Ms(r.FullLatency)} | {r.Speedup:0.00}× |"))
                .AppendJoin("", Enumerable.Range(0, datasets.Length).Select(d => d < r.Accuracy.Count
                    ? F($" {r.Accuracy[d].Top1 * 100:0.0} / {r.Accuracy[d].Top5 * 100:0.0} |")
                    : " – |"))
                .AppendLine(F($" {r.BuildSeconds:0.00} |"));
        }

        if (result.Skipped.Count > 0)
        {
            md.AppendLine().AppendLine("Not built:").AppendLine();
            foreach (var skipped in result.Skipped)
            {
                md.AppendLine($"- {skipped}");
            }
        }

        return md.ToString();
    }

    private static ParetoPoint[] Points(IEnumerable<TradeoffRow> rows) =>
        [.. rows.Select(r => new ParetoPoint(SeriesOf(r.Variant), r.Variant.Name, r.Speedup, r.Accuracy[0].Top1 * 100))];

    private static string Ms(Runtime.Measurement.LatencyStatistics s) => F($"{s.MedianSeconds * 1e3:0.00} ({s.P90Seconds * 1e3:0.00})");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
