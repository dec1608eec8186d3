using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Tests.Statistics;

public sealed class ReplicationSummaryTests
{
    // Student t quantiles t(0.975, dof) from tables: 12.706205 (1), 4.302653 (2), 3.182446 (3).
    private const double T1 = 12.706205;
    private const double T2 = 4.302653;
    private const double T3 = 3.182446;

    [Fact]
    public void Estimate_ThreeValues_MeanAndStudentTHalfWidth()
    {
        // mean 2, s = 1: half-width t(0.975, 2) · 1 / √3.
        var estimate = ReplicationSummary.Estimate([1, 2, 3]);

        Assert.Equal(2, estimate.Mean, 12);
        Assert.Equal(T2 / Math.Sqrt(3), estimate.HalfWidth95, tolerance: 1e-6);
        Assert.Equal(3, estimate.Count);
    }

    [Fact]
    public void Estimate_FourValues_MeanAndStudentTHalfWidth()
    {
        // mean 4, s² = (4 + 0 + 0 + 4) / 3: half-width t(0.975, 3) · √(8/3) / 2 = 2.598456.
        var estimate = ReplicationSummary.Estimate([2, 4, 4, 6]);

        Assert.Equal(4, estimate.Mean, 12);
        Assert.Equal(T3 * Math.Sqrt(8.0 / 3) / 2, estimate.HalfWidth95, tolerance: 1e-6);
        Assert.Equal(2.598456, estimate.HalfWidth95, tolerance: 1e-6);
    }

    [Fact]
    public void Estimate_OneValue_HalfWidthIsNaN()
    {
        var estimate = ReplicationSummary.Estimate([5]);

        Assert.Equal(5, estimate.Mean);
        Assert.True(double.IsNaN(estimate.HalfWidth95));
        Assert.Equal(1, estimate.Count);
    }

    [Fact]
    public void Estimate_NaNValues_AreLeftOut()
    {
        // 1 and 3 remain: mean 2, s = √2, half-width t(0.975, 1) · √2 / √2.
        var estimate = ReplicationSummary.Estimate([1, double.NaN, 3]);

        Assert.Equal(2, estimate.Mean, 12);
        Assert.Equal(T1, estimate.HalfWidth95, tolerance: 1e-6);
        Assert.Equal(2, estimate.Count);
    }

    [Fact]
    public void Estimate_OnlyNaN_IsUndefined()
    {
        var estimate = ReplicationSummary.Estimate([double.NaN, double.NaN]);

        Assert.True(double.IsNaN(estimate.Mean));
        Assert.True(double.IsNaN(estimate.HalfWidth95));
        Assert.Equal(0, estimate.Count);
    }

    [Fact]
    public void Of_ThreeReplications_SummarisesEveryMetricAndPoolsDelays()
    {
        var results = new[] { Result(1, 100, 0.5), Result(2, 200, 1.0), Result(3, 300, 1.5) };

        var summary = ReplicationSummary.Of(results);

        Assert.Equal("joint", summary.Policy);
        Assert.Equal("lru", summary.Eviction);
        Assert.Equal([1UL, 2UL, 3UL], summary.Seeds);
        Assert.Equal(SummaryMetric.All.Count, summary.Metrics.Count);
        Assert.Equal(200, summary["requests"].Mean, 12);
        Assert.Equal(T2 * 100 / Math.Sqrt(3), summary["requests"].HalfWidth95, tolerance: 1e-4);
        Assert.Equal(1.0, summary["meanDelaySeconds"].Mean, 12);
        Assert.Equal(T2 * 0.5 / Math.Sqrt(3), summary["meanDelaySeconds"].HalfWidth95, tolerance: 1e-6);
        Assert.True(double.IsNaN(summary["deadlineMissRate"].Mean));
        Assert.Equal(400_000, summary["cellDataBytes"].Mean, 6); // 2000 B per request, 200 requests on average
        Assert.Equal(results.Sum(r => r.Delays.Count), summary.Delays.Count);
    }

    [Fact]
    public void Of_MixedPolicies_Throws()
    {
        var other = Result(2, 100, 1) with { Policy = "paper" };

        Assert.Throws<ArgumentException>(() => ReplicationSummary.Of([Result(1, 100, 1), other]));
        Assert.Throws<ArgumentException>(() => ReplicationSummary.Of([]));
        Assert.Throws<ArgumentException>(() => ReplicationSummary.Of([Result(1, 1, 1)])["noSuchMetric"]);
    }

    [Fact]
    public void SummaryMetrics_NamesAreUniqueAndCarryUnitsWhereTheyHaveOne()
    {
        var names = SummaryMetric.All.Select(m => m.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("meanDelaySeconds", names);
        Assert.Contains("meanDeviceEnergyJoules", names);
        Assert.Contains("cellDataBytes", names);
    }

    private static SimulationResult Result(ulong seed, long requests, double meanDelay)
    {
        var delays = new LogHistogram();
        for (var i = 0; i < requests; i++)
        {
            delays.Record(meanDelay);
        }

        return new SimulationResult
        {
            Policy = "joint",
            Eviction = "lru",
            Seed = seed,
            Requests = requests,
            Unfinished = 0,
            DroppedBattery = 0,
            MeanDelaySeconds = meanDelay,
            P50DelaySeconds = meanDelay,
            P90DelaySeconds = meanDelay,
            P99DelaySeconds = meanDelay,
            DeadlineMissRate = double.NaN,
            MeanDeviceEnergyJoules = 0.1,
            TotalDeviceEnergyJoules = 0.1 * requests,
            BatteryDepletions = 0,
            UplinkBytes = requests * 1000,
            DownlinkBytes = requests * 1000,
            EdgeUtilisation = 0.5,
            MeanEdgeJobs = 1,
            EdgeEnergyJoules = 10,
            EdgePruneEnergyJoules = 1,
            StoreHitRate = 0.9,
            Prunes = 2,
            MeanTop1 = 0.7,
            EdgeShare = 0.5,
            DownloadShare = 0.1,
            Events = requests * 5,
            SimulatedSeconds = 70,
            Delays = delays,
        };
    }
}
