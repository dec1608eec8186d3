using System.Globalization;
using EdgeInfer.Reporting;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// The figures of <c>simulate</c>, each as PNG + SVG + CSV (<see cref="ChartWriter"/>): the delay CDF per policy at the
/// last point (the base point without sweeps); with <c>devices.count</c> swept, mean delay and mean device energy
/// against the number of devices per policy; with a <c>…capacityBytes</c> key swept, the store hit rate against
/// capacity per eviction policy (of <c>joint</c>, else the first policy); with both, the joint policy's gain over the best
/// other policy per capacity. Curves along one key hold every other swept key at its last value; curves per policy use
/// the first eviction policy. Undefined points (NaN) are left out, and a figure without any point is not written.
/// </summary>
internal static class SimulateFigures
{
    /// <summary>The swept key for the number of devices.</summary>
    public const string DevicesKey = "devices.count";

    /// <summary>The joint policy's name.</summary>
    public const string Joint = "joint";

    /// <summary>Writes every figure that applies into <paramref name="folder"/>, adding each file to <paramref name="files"/> once written.</summary>
    public static void Write(IReadOnlyList<SimulateRow> rows, SimulateInputs inputs, string folder, List<string> files)
    {
        var keys = inputs.SweepKeys;
        var capacity = keys.FirstOrDefault(k => k == "edge.store.capacityBytes")
            ?? keys.FirstOrDefault(k => k.EndsWith("capacityBytes", StringComparison.Ordinal));
        var charts = new List<(string Name, LineChart? Chart)> { ("delay-cdf", DelayCdf(rows, inputs.Points[^1])) };
        if (keys.Contains(DevicesKey))
        {
            charts.Add(("delay-vs-devices", PerPolicy(rows, keys, DevicesKey, "meanDelaySeconds", "Mean delay", "mean delay (s)")));
            charts.Add((
                "energy-vs-devices",
                PerPolicy(rows, keys, DevicesKey, "meanDeviceEnergyJoules", "Mean device energy", "mean device energy per request (J)")));
        }

        if (capacity is not null)
        {
            charts.Add(("hit-rate-vs-capacity", HitRate(rows, keys, capacity)));
        }

        if (keys.Contains(DevicesKey) && capacity is not null)
        {
            charts.Add(("joint-delay-gain-vs-devices", Gain(rows, keys, capacity, "meanDelaySeconds", "delay")));
            charts.Add(("joint-energy-gain-vs-devices", Gain(rows, keys, capacity, "meanDeviceEnergyJoules", "device energy")));
        }

        foreach (var (name, chart) in charts)
        {
            if (chart is not null)
            {
                var written = ChartWriter.Write(chart, folder, name);
                files.AddRange([written.Png, written.Svg, written.Csv]);
            }
        }
    }

    private static LineChart? DelayCdf(IReadOnlyList<SimulateRow> rows, SimulatePoint point)
    {
        var here = rows.Where(r => r.Point == point).ToList();
        var byEviction = here.Select(r => r.Eviction).Distinct().Count() > 1;
        var series = here.Where(r => r.Summary.Delays.Count > 0).Select(r =>
        {
            var cdf = r.Summary.Delays.Cdf();
            return new Series(byEviction ? $"{r.Policy} / {r.Eviction}" : r.Policy, [.. cdf.Select(p => p.Seconds)], [.. cdf.Select(p => p.Fraction)]);
        }).ToList();
        var title = "End-to-end delay CDF" + (point.Settings.Count == 0 ? string.Empty : $" ({point.Label})");
        return Chart(title, new AxisSpec("delay (s)", Logarithmic: true), new AxisSpec("fraction of requests ≤ delay", Minimum: 0, Maximum: 1), series);
    }

    private static LineChart? PerPolicy(IReadOnlyList<SimulateRow> rows, IReadOnlyList<string> keys, string key, string metric, string title, string label)
    {
        var along = Along(rows, keys, key);
        var eviction = along.Select(r => r.Eviction).FirstOrDefault();
        var series = along.Where(r => r.Eviction == eviction).GroupBy(r => r.Policy)
            .Select(g => Line(g.Key, g, key, r => r.Mean(metric))).ToList();
        // Log-log: delays and energies span orders of magnitude between a light and an overloaded cell.
        var y = new AxisSpec(label, Logarithmic: true);
        return Chart($"{title} vs devices (eviction {eviction})", new AxisSpec("devices", Logarithmic: true), y, series);
    }

    private static LineChart? HitRate(IReadOnlyList<SimulateRow> rows, IReadOnlyList<string> keys, string key)
    {
        var along = Along(rows, keys, key);
        var policy = along.Any(r => r.Policy == Joint) ? Joint : along.Select(r => r.Policy).FirstOrDefault();
        var series = along.Where(r => r.Policy == policy).GroupBy(r => r.Eviction)
            .Select(g => Line(g.Key, g, key, r => r.Mean("storeHitRate"))).OfType<Series>().ToList();
        var xs = series.SelectMany(s => s.X).ToList();
        var log = xs.Count > 0 && xs.Min() > 0 && xs.Max() >= 100 * xs.Min();
        return Chart(
            $"Store hit rate vs capacity (policy {policy})",
            new AxisSpec("store capacity (bytes)", log),
            new AxisSpec("store hit rate", Minimum: 0, Maximum: 1),
            series);
    }

    /// <summary>1 − joint / best other policy of <paramref name="metric"/>, against devices, one line per capacity.</summary>
    private static LineChart? Gain(IReadOnlyList<SimulateRow> rows, IReadOnlyList<string> keys, string capacity, string metric, string what)
    {
        var others = keys.Where(k => k != DevicesKey && k != capacity).ToList();
        var fixedRows = rows.Where(r => others.All(k => r.Point.Value(k) == Last(rows, k))).ToList();
        var eviction = fixedRows.Select(r => r.Eviction).FirstOrDefault();
        var series = new List<Series>();
        foreach (var group in fixedRows.Where(r => r.Eviction == eviction).GroupBy(r => r.Point.Value(capacity)))
        {
            var points = group.GroupBy(r => r.Point).Select(p =>
            {
                var joint = p.Where(r => r.Policy == Joint).Select(r => r.Mean(metric)).FirstOrDefault(double.NaN);
                var best = p.Where(r => r.Policy != Joint).Select(r => r.Mean(metric)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min();
                return (X: Number(p.Key.Value(DevicesKey)), Y: best > 0 ? 1 - (joint / best) : double.NaN);
            }).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
            if (points.Count > 0)
            {
                series.Add(new Series($"{group.Key} B", [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]));
            }
        }

        return Chart(
            $"Joint policy's {what} gain over the best other policy (eviction {eviction})",
            new AxisSpec("devices", Logarithmic: true),
            new AxisSpec($"{what} gain 1 − joint/best other (fraction)"),
            series);
    }

    /// <summary>The rows whose other swept keys (all but <paramref name="key"/>) are at their last value.</summary>
    private static List<SimulateRow> Along(IReadOnlyList<SimulateRow> rows, IReadOnlyList<string> keys, string key) =>
        [.. rows.Where(r => keys.Where(k => k != key).All(k => r.Point.Value(k) == Last(rows, k)))];

    private static string? Last(IReadOnlyList<SimulateRow> rows, string key) => rows[^1].Point.Value(key);

    private static Series? Line(string name, IEnumerable<SimulateRow> rows, string key, Func<SimulateRow, double> y)
    {
        var points = rows.Select(r => (X: Number(r.Point.Value(key)), Y: y(r)))
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToList();
        return points.Count == 0 ? null : new Series(name, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]);
    }

    private static LineChart? Chart(string title, AxisSpec x, AxisSpec y, IEnumerable<Series?> series)
    {
        var drawn = series.OfType<Series>()
            .Select(s => y.Logarithmic ? PositiveOnly(s) : s)
            .Where(s => s.X.Count > 0 && (!x.Logarithmic || s.X.All(v => v > 0))).ToList();
        return drawn.Count == 0 ? null : new LineChart(title, x, y, drawn);
    }

    /// <summary>The points of <paramref name="series"/> a logarithmic y axis can show (y &gt; 0).</summary>
    private static Series PositiveOnly(Series series)
    {
        var keep = Enumerable.Range(0, series.Y.Count).Where(i => series.Y[i] > 0).ToList();
        return series with { X = [.. keep.Select(i => series.X[i])], Y = [.. keep.Select(i => series.Y[i])] };
    }

    private static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
