using System.Globalization;
using System.Text;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Device.Loadgen;
using EdgeInfer.Models.Files;
using EdgeInfer.Reporting;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// <c>soak</c>'s files in <c>--out</c>: <c>NAME.json</c> (the report), <c>NAME-windows.csv</c> (one line per window),
/// <c>NAME-samples.csv</c> (one line per request) and the figure <c>NAME.png|svg</c> with its data <c>NAME.csv</c>: inference
/// p50/p99 (left axis) and server RSS (right axis) per window over time.
/// </summary>
internal static class SoakFiles
{
    public static string Write(SoakReport report, string folder, string baseName)
    {
        Directory.CreateDirectory(folder);
        using (var json = new StringWriter(CultureInfo.InvariantCulture))
        {
            CliJson.Write(json, report);
            AtomicFile.WriteAllText(Path.Combine(folder, baseName + ".json"), json.ToString());
        }

        var windows = new StringBuilder("windowStartSeconds,windowEndSeconds,requests,inferences,p50Ms,p99Ms,rssMB,serverErrors,rejected,maxQueued\n");
        foreach (var w in report.Windows)
        {
            windows.Append(CultureInfo.InvariantCulture,
                $"{w.StartSeconds:0.###},{w.EndSeconds:0.###},{w.Requests},{w.Inferences},{w.P50Seconds * 1e3:0.###},{w.P99Seconds * 1e3:0.###},"
                + $"{w.RssBytes / 1e6:0.###},{w.ServerErrors},{w.Rejected},{w.MaxQueued}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, baseName + "-windows.csv"), windows.ToString());
        var samples = new StringBuilder("kind,arrivalSeconds,delaySeconds,dispatchLagSeconds,status,retryAfter\n");
        foreach (var s in report.Samples)
        {
            samples.Append(CultureInfo.InvariantCulture,
                $"{s.Kind.Name()},{s.ArrivalSeconds:0.######},{s.DelaySeconds:0.######},{s.DispatchLagSeconds:0.######},{s.Status},{(s.RetryAfter ? 1 : 0)}\n");
        }

        AtomicFile.WriteAllText(Path.Combine(folder, baseName + "-samples.csv"), samples.ToString());
        var chart = Chart(report);
        if (chart is null)
        {
            return Path.Combine(folder, baseName + ".json");
        }

        ChartWriter.Write(chart, folder, baseName);
        return $"{Path.Combine(folder, baseName)}.json, {baseName}-windows.csv, {baseName}-samples.csv, {baseName}.png, {baseName}.svg, {baseName}.csv";
    }

    /// <summary>p50 and p99 (ms, left) and RSS (MB, right) at each window's middle, in minutes; null when no window has an inference.</summary>
    private static LineChart? Chart(SoakReport report)
    {
        static double Middle(SoakWindow w) => (w.StartSeconds + w.EndSeconds) / 2 / 60;
        var latency = report.Windows.Where(w => w.P50Seconds is not null).ToList();
        if (latency.Count == 0)
        {
            return null;
        }

        var rss = report.Windows.Where(w => w.RssBytes is not null).ToList();
        var series = new List<Series>
        {
            new("p50 inference delay", [.. latency.Select(Middle)], [.. latency.Select(w => w.P50Seconds!.Value * 1e3)]) { Color = "#1f77b4" },
            new("p99 inference delay", [.. latency.Select(Middle)], [.. latency.Select(w => w.P99Seconds!.Value * 1e3)]) { Color = "#d62728" },
        };
        if (rss.Count > 0)
        {
            series.Add(new Series("server RSS", [.. rss.Select(Middle)], [.. rss.Select(w => w.RssBytes!.Value / 1e6)])
            {
                // Solid: Skia's SVG backend drops dash patterns.
                Axis = YAxisSide.Right,
                Color = "#2ca02c",
            });
        }

        var title = string.Create(CultureInfo.InvariantCulture,
            $"{report.Model}: {report.RatePerSecond:0.#} req/s for {report.DurationSeconds / 60:0.#} min, RSS and inference delay per window");
        return new LineChart(title, new AxisSpec("time since start (min)"), new AxisSpec("inference delay (ms)", Minimum: 0), series)
        {
            RightAxis = rss.Count > 0 ? new AxisSpec("server RSS (MB)", Minimum: 0) : null,
            WidthPixels = 1000,
        };
    }
}
