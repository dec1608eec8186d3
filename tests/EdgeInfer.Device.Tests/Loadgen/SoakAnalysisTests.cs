using EdgeInfer.Device.Loadgen;

namespace EdgeInfer.Device.Tests.Loadgen;

public sealed class SoakAnalysisTests
{
    private static readonly SoakOptions Soak = new()
    {
        Edge = new Uri("http://127.0.0.1:1"),
        Model = "mobilenet",
        RatePerSecond = 10,
        Duration = TimeSpan.FromSeconds(60),
        Window = TimeSpan.FromSeconds(10),
        Warmup = TimeSpan.FromSeconds(20),
        ServerPid = 1,
    };

    [Fact]
    public void Pick_RealisticMix_DrawsEachKindAtItsShare()
    {
        var random = new Random(7);
        var counts = new Dictionary<SoakRequestKind, int>();
        const int Draws = 200_000;
        for (var i = 0; i < Draws; i++)
        {
            var kind = SoakMix.Realistic.Pick(random.NextDouble(), random.NextDouble());
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        Assert.InRange(counts[SoakRequestKind.InferTensor] / (double)Draws, 0.59, 0.61);
        Assert.InRange(counts[SoakRequestKind.InferImage] / (double)Draws, 0.145, 0.155);
        Assert.InRange(counts[SoakRequestKind.DownloadRange] / (double)Draws, 0.115, 0.125);
        Assert.InRange(counts[SoakRequestKind.Prune] / (double)Draws, 0.055, 0.065);
        Assert.InRange(counts[SoakRequestKind.CacheDelete] / (double)Draws, 0.017, 0.023);
        Assert.All(SoakRequestKinds.Malformed, kind => Assert.InRange(counts[kind] / (double)Draws, 0.009, 0.011));
        Assert.Equal(SoakRequestKind.InferTensor, SoakMix.InferenceOnly.Pick(0.999999, 0.5));
    }

    [Fact]
    public void Problems_NameEveryBadField()
    {
        var bad = Soak with
        {
            RatePerSecond = 0,
            Window = TimeSpan.FromMinutes(2),
            Warmup = TimeSpan.FromMinutes(1),
            Mix = new SoakMix(0.5, 0, 0, 0.1, 0, 0),
            PruneGrid = [],
        };
        var text = string.Join("; ", bad.Problems());
        Assert.Contains("ratePerSecond 0", text, StringComparison.Ordinal);
        Assert.Contains("window", text, StringComparison.Ordinal);
        Assert.Contains("warmup", text, StringComparison.Ordinal);
        Assert.Contains("mix shares sum to 0.6", text, StringComparison.Ordinal);
        Assert.Contains("pruneGrid", text, StringComparison.Ordinal);
        Assert.Empty(Soak.Problems());
    }

    [Fact]
    public void Summarise_SteadyRun_PassesEverySoakCheckWithWindowsOverTime()
    {
        var report = SoakAnalysis.Summarise(Soak, Steady(), Probes(_ => 100_000_000), 61, queueLimit: 64);

        Assert.Equal(6, report.Windows.Count);
        Assert.All(report.Windows, w => Assert.Equal(100, w.Requests));
        Assert.Equal(20, report.Windows[2].StartSeconds);
        Assert.Equal(100e6, report.Windows[3].RssBytes);
        Assert.Equal(0, report.RssDrift);
        Assert.True(report.Passed, string.Join("\n", report.Checks.Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Equal(5, report.Checks.Count);
        Assert.Equal(600, report.ByStatus["200"] + report.ByStatus["400"]);
        Assert.Equal(12, report.ByKind["bad-pf"]["400"]);
    }

    [Fact]
    public void Summarise_RssGrowingAfterWarmup_FailsTheDriftCheckWithItsNumbers()
    {
        // 100 MB through the warm-up, then +1 MB a second: 40 MB more by the last window.
        var report = SoakAnalysis.Summarise(Soak, Steady(), Probes(t => 100_000_000 + (long)Math.Max(0, t - 20) * 1_000_000), 61, 64);

        var drift = Assert.Single(report.Checks, c => c.Name.StartsWith("RSS drift", StringComparison.Ordinal));
        Assert.False(drift.Passed);
        Assert.InRange(report.RssDrift!.Value, 0.25, 0.35);
        Assert.Contains("at 20 s", drift.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarise_ServerErrorsMalformedAcceptedAndRisingP99_FailTheirChecks()
    {
        var samples = Steady();
        samples[5] = samples[5] with { Status = 500 };
        var malformed = samples.FindIndex(s => s.Kind == SoakRequestKind.UnknownModel);
        samples[malformed] = samples[malformed] with { Status = 200 };
        // The last third's inferences take 10x longer.
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].ArrivalSeconds >= 50 && samples[i].Kind == SoakRequestKind.InferTensor)
            {
                samples[i] = samples[i] with { DelaySeconds = 0.2 };
            }
        }

        var report = SoakAnalysis.Summarise(Soak, samples, Probes(_ => 100_000_000), 61, 64);

        var failed = report.Checks.Where(c => !c.Passed).ToDictionary(c => c.Name[..c.Name.IndexOf(' ', StringComparison.Ordinal)], c => c.Detail);
        Assert.Equal(["every", "no", "p99"], failed.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("infer-tensor 500×1", failed["no"], StringComparison.Ordinal);
        Assert.Contains("unknown-model 200×1", failed["every"], StringComparison.Ordinal);
        Assert.Equal(1, report.Windows[0].ServerErrors);
    }

    [Fact]
    public void Summarise_Overload_JudgesGoodputRejectionsAndRetryAfter()
    {
        var options = Soak with { Mix = SoakMix.InferenceOnly, CapacityPerSecond = 10, RatePerSecond = 20, Warmup = TimeSpan.Zero };
        // 20 arrivals a second: 19 answered 200, one rejected in 1 ms with Retry-After, except one rejection without it.
        var samples = Enumerable.Range(0, 1200).Select(i => new SoakSample(
            SoakRequestKind.InferTensor, i * 0.05, i % 20 == 0 ? 0.0015 : 0.05, 0.0005, i % 20 == 0 ? 429 : 200, i % 20 == 0 && i != 0)).ToList();

        var report = SoakAnalysis.Summarise(options, samples, Probes(_ => 1, queued: 70), 61, 64);

        Assert.Equal(19, report.GoodputPerSecond, 6);
        Assert.Equal(60, report.Rejected);
        Assert.Equal(59, report.RejectedWithRetryAfter);
        Assert.Equal(0.001, report.RejectionP99Seconds!.Value, 9);
        var checks = report.Checks.ToDictionary(c => c.Name, c => c.Passed);
        Assert.True(checks["goodput ≥ 90 % of capacity"]);
        Assert.True(checks["rejections p99 ≤ 5 ms"]);
        Assert.False(checks["every rejection carries Retry-After"]);
        Assert.False(checks["queue never above its limit"]);
        Assert.True(checks["no 5xx other than 503 and no unanswered request"]);
    }

    /// <summary>10 requests a second for 60 s: 9 tensor inferences of 20 ms, then one of each malformed kind in turn, answered 400.</summary>
    private static List<SoakSample> Steady() => [.. Enumerable.Range(0, 600).Select(i => i % 10 == 9
        ? new SoakSample(SoakRequestKinds.Malformed[i / 10 % 5], i * 0.1, 0.002, 0.0001, 400, false)
        : new SoakSample(SoakRequestKind.InferTensor, i * 0.1, 0.02 + (i % 7) * 0.001, 0.0001, 200, false))];

    private static List<SoakProbe> Probes(Func<double, long> rss, int queued = 3) =>
        [.. Enumerable.Range(0, 60).Select(t => new SoakProbe(t + 0.5, rss(t + 0.5), queued, 2))];
}
