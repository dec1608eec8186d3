using System.Globalization;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// Turns a soak's samples and probes into windows, counts and verdicts. Pure: the same samples give the same report.
/// Without <see cref="SoakOptions.CapacityPerSecond"/> the verdicts are the soak's (RSS drift, no 5xx, malformed → 4xx,
/// flat p99, bounded queue); with it, the overload test's (goodput, fast rejections with <c>Retry-After</c>, bounded
/// queue, no 5xx other than 503).
/// </summary>
public static class SoakAnalysis
{
    /// <summary>Largest RSS change from the first window after warm-up to the last (5 %).</summary>
    public const double RssDriftLimit = 0.05;

    /// <summary>Largest ratio of the last third's mean window p99 to the first third's, after warm-up (p99 flat).</summary>
    public const double P99FlatRatio = 1.25;

    /// <summary>Smallest goodput under overload, as a share of capacity (90 %).</summary>
    public const double GoodputShare = 0.9;

    /// <summary>Largest p99 of the time to a rejection, seconds (5 ms).</summary>
    public const double RejectionP99LimitSeconds = 0.005;

    /// <summary>Summarises a run.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="samples">Every request.</param>
    /// <param name="probes">Every server probe.</param>
    /// <param name="wallSeconds">From the start to the last answer.</param>
    /// <param name="queueLimit">The server's queue limit, or null when unknown.</param>
    public static SoakReport Summarise(
        SoakOptions options, IReadOnlyList<SoakSample> samples, IReadOnlyList<SoakProbe> probes, double wallSeconds, int? queueLimit)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(probes);
        var windows = Windows(options, samples, probes);
        var inferences = samples.Where(s => s.Kind.IsInference() && Ok(s.Status)).Select(s => s.DelaySeconds).ToArray();
        var rejections = samples.Where(s => s.Rejected).Select(s => s.ResponseSeconds).ToArray();
        var inferenceStats = inferences.Length > 0 ? LatencyStatistics.From(inferences) : null;
        var rejectionStats = rejections.Length > 0 ? LatencyStatistics.From(rejections) : null;
        var maxQueued = probes.Where(p => p.Queued is not null).Select(p => p.Queued!.Value).DefaultIfEmpty(-1).Max();
        var report = new SoakReport
        {
            Model = options.Model,
            RatePerSecond = options.RatePerSecond,
            DurationSeconds = options.Duration.TotalSeconds,
            WallSeconds = wallSeconds,
            Requests = samples.Count,
            ByKind = samples.GroupBy(s => s.Kind).OrderBy(g => g.Key).ToDictionary(
                g => g.Key.Name(), g => (IReadOnlyDictionary<string, int>)Histogram(g)),
            ByStatus = Histogram(samples),
            InferenceP50Seconds = inferenceStats?.MedianSeconds,
            InferenceP99Seconds = inferenceStats?.P99Seconds,
            GoodputPerSecond = inferences.Length / options.Duration.TotalSeconds,
            CapacityPerSecond = options.CapacityPerSecond,
            Rejected = rejections.Length,
            RejectedWithRetryAfter = samples.Count(s => s.Rejected && s.RetryAfter),
            RejectionP50Seconds = rejectionStats?.MedianSeconds,
            RejectionP99Seconds = rejectionStats?.P99Seconds,
            MaxQueued = maxQueued < 0 ? null : maxQueued,
            QueueLimit = queueLimit,
            RssDrift = RssDrift(options, windows),
            Windows = windows,
            Checks = [],
            Samples = samples,
            Probes = probes,
        };
        return report with { Checks = options.CapacityPerSecond is null ? SoakChecks(options, report, samples) : OverloadChecks(report, samples) };
    }

    /// <summary>The windows of [0, duration): requests by arrival time, probes by their time.</summary>
    public static IReadOnlyList<SoakWindow> Windows(SoakOptions options, IReadOnlyList<SoakSample> samples, IReadOnlyList<SoakProbe> probes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(probes);
        var width = options.Window.TotalSeconds;
        var duration = options.Duration.TotalSeconds;
        var count = (int)Math.Ceiling(duration / width - 1e-9);
        int IndexOf(double seconds) => Math.Min((int)(seconds / width), count - 1);
        var bySample = samples.Where(s => s.ArrivalSeconds < duration).ToLookup(s => IndexOf(s.ArrivalSeconds));
        var byProbe = probes.Where(p => p.Seconds < duration).ToLookup(p => IndexOf(p.Seconds));
        var windows = new List<SoakWindow>(count);
        for (var w = 0; w < count; w++)
        {
            var requests = bySample[w].ToList();
            var ok = requests.Where(s => s.Kind.IsInference() && Ok(s.Status)).Select(s => s.DelaySeconds).ToArray();
            var stats = ok.Length > 0 ? LatencyStatistics.From(ok) : null;
            var rss = byProbe[w].Where(p => p.RssBytes is not null).Select(p => (double)p.RssBytes!.Value).ToList();
            var queued = byProbe[w].Where(p => p.Queued is not null).Select(p => p.Queued!.Value).ToList();
            windows.Add(new SoakWindow(
                w,
                w * width,
                Math.Min((w + 1) * width, duration),
                requests.Count,
                ok.Length,
                stats?.MedianSeconds,
                stats?.P99Seconds,
                rss.Count > 0 ? rss.Average() : null,
                requests.Count(s => ServerError(s.Status)),
                requests.Count(s => s.Rejected),
                queued.Count > 0 ? queued.Max() : null));
        }

        return windows;
    }

    private static bool Ok(int status) => status is >= 200 and < 300;

    /// <summary>A 5xx, or no answer at all.</summary>
    private static bool ServerError(int status) => status is 0 or >= 500;

    private static SortedDictionary<string, int> Histogram(IEnumerable<SoakSample> samples)
    {
        var histogram = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in samples)
        {
            var key = s.Status.ToString(CultureInfo.InvariantCulture);
            histogram[key] = histogram.GetValueOrDefault(key) + 1;
        }

        return histogram;
    }

    private static List<SoakWindow> AfterWarmup(SoakOptions options, IReadOnlyList<SoakWindow> windows) =>
        windows.Where(w => w.StartSeconds >= options.Warmup.TotalSeconds - 1e-9).ToList();

    private static double? RssDrift(SoakOptions options, IReadOnlyList<SoakWindow> windows)
    {
        var measured = AfterWarmup(options, windows).Where(w => w.RssBytes is not null).ToList();
        return measured.Count < 2 ? null : measured[^1].RssBytes!.Value / measured[0].RssBytes!.Value - 1;
    }

    private static List<SoakCheck> SoakChecks(SoakOptions options, SoakReport report, IReadOnlyList<SoakSample> samples)
    {
        var checks = new List<SoakCheck>();
        var after = AfterWarmup(options, report.Windows);
        var rss = after.Where(w => w.RssBytes is not null).ToList();
        checks.Add(report.RssDrift is { } drift
            ? new SoakCheck($"RSS drift after warm-up ≤ {RssDriftLimit:0 %}", drift <= RssDriftLimit, Invariant(
                $"{drift * 100:+0.0;-0.0} %: {rss[0].RssBytes / 1e6:0} MB at {rss[0].StartSeconds:0} s → ")
                + Invariant($"{rss[^1].RssBytes / 1e6:0} MB at {rss[^1].StartSeconds:0} s"))
            : new SoakCheck($"RSS drift after warm-up ≤ {RssDriftLimit:0 %}", false, "fewer than two windows with RSS after warm-up (no --server-pid?)"));
        var serverErrors = samples.Where(s => ServerError(s.Status)).ToList();
        checks.Add(new SoakCheck("no 5xx and no unanswered request", serverErrors.Count == 0, serverErrors.Count == 0
            ? $"0 of {samples.Count}"
            : $"{serverErrors.Count} of {samples.Count}: " + string.Join(", ", serverErrors.GroupBy(s => (s.Kind, s.Status))
                .Select(g => $"{g.Key.Kind.Name()} {g.Key.Status}×{g.Count()}"))));
        checks.Add(MalformedCheck(samples));
        var p99 = after.Where(w => w.P99Seconds is not null).ToList();
        if (p99.Count < 3)
        {
            checks.Add(new SoakCheck(
                $"p99 flat (last third ≤ {P99FlatRatio:0.##} × first third)", false, "fewer than three windows with inferences after warm-up"));
        }
        else
        {
            var third = p99.Count / 3;
            var first = p99.Take(third).Average(w => w.P99Seconds!.Value);
            var last = p99.Skip(p99.Count - third).Average(w => w.P99Seconds!.Value);
            checks.Add(new SoakCheck($"p99 flat (last third ≤ {P99FlatRatio:0.##} × first third)", last <= P99FlatRatio * first, Invariant(
                $"{first * 1e3:0.0} ms → {last * 1e3:0.0} ms (× {last / first:0.00}); slope {Slope(p99) * 1e3 * 60:+0.00;-0.00} ms/min")));
        }

        checks.Add(QueueCheck(report));
        return checks;
    }

    private static List<SoakCheck> OverloadChecks(SoakReport report, IReadOnlyList<SoakSample> samples)
    {
        var capacity = report.CapacityPerSecond!.Value;
        var errors = samples.Where(s => s.Status is 0 or (>= 500 and not 503)).ToList();
        return
        [
            new SoakCheck($"goodput ≥ {GoodputShare:0 %} of capacity", report.GoodputPerSecond >= GoodputShare * capacity, Invariant(
                $"{report.GoodputPerSecond:0.0} inf/s of {capacity:0.0} ({report.GoodputPerSecond / capacity:0.0 %}), offered {report.RatePerSecond:0.0}/s")),
            new SoakCheck($"rejections p99 ≤ {RejectionP99LimitSeconds * 1e3:0} ms", report.RejectionP99Seconds is null or <= RejectionP99LimitSeconds,
                report.RejectionP99Seconds is null ? "no rejection" : Invariant(
                    $"{report.Rejected} rejected (429: {report.ByStatus.GetValueOrDefault("429")}, 503: {report.ByStatus.GetValueOrDefault("503")}), ")
                    + Invariant($"p50 {report.RejectionP50Seconds * 1e3:0.00} ms, p99 {report.RejectionP99Seconds * 1e3:0.00} ms")),
            new SoakCheck("every rejection carries Retry-After", report.RejectedWithRetryAfter == report.Rejected,
                Invariant($"{report.RejectedWithRetryAfter} of {report.Rejected}")),
            QueueCheck(report),
            new SoakCheck("no 5xx other than 503 and no unanswered request", errors.Count == 0, Invariant($"{errors.Count} of {samples.Count}")),
            MalformedCheck(samples),
        ];
    }

    private static SoakCheck MalformedCheck(IReadOnlyList<SoakSample> samples)
    {
        var malformed = samples.Where(s => s.Kind.IsMalformed()).ToList();
        var wrong = malformed.Where(s => s.Status is < 400 or >= 500).ToList();
        return new SoakCheck("every malformed request answered 4xx", wrong.Count == 0, wrong.Count == 0
            ? $"{malformed.Count} of {malformed.Count}"
            : $"{wrong.Count} of {malformed.Count} not 4xx: " + string.Join(", ", wrong.GroupBy(s => (s.Kind, s.Status))
                .Select(g => $"{g.Key.Kind.Name()} {g.Key.Status}×{g.Count()}")));
    }

    private static SoakCheck QueueCheck(SoakReport report) =>
        report.MaxQueued is { } queued && report.QueueLimit is { } limit
            ? new SoakCheck("queue never above its limit", queued <= limit, Invariant($"max queued {queued}, limit {limit}"))
            : new SoakCheck("queue never above its limit", false, "no /v1/status sample");

    /// <summary>Least-squares slope of the windows' p99 over their start time, seconds per second.</summary>
    private static double Slope(IReadOnlyList<SoakWindow> windows)
    {
        var mx = windows.Average(w => w.StartSeconds);
        var my = windows.Average(w => w.P99Seconds!.Value);
        var sxx = windows.Sum(w => (w.StartSeconds - mx) * (w.StartSeconds - mx));
        return sxx == 0 ? 0 : windows.Sum(w => (w.StartSeconds - mx) * (w.P99Seconds!.Value - my)) / sxx;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
