using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Tests.EndToEnd;

/// <summary>
/// <c>pruneTiming: derived</c> (the default for channel-ls) on a real tiny study — MobileNet, data-free channel pruning so
/// that it runs in seconds, edge loads 0 and 2: T_pr is timed once at L = 0 and scaled by the measured edge slowdown above it.
/// </summary>
public sealed class DerivedPruneTimingTests
{
    [Fact]
    public void Run_DerivedPruneTiming_TimesOneBuildAtTheLowestLoadAndScalesItByTheEdgeSlowdown()
    {
        using var root = new TempDirectory();
        var config = StudyConfigJson.Parse(
            """
            { "models": ["mobilenet"], "edgeLoads": [0, 2], "pruningFactors": [0.5, 0.7], "samples": 2, "warmupRuns": 1, "pruneSamples": 3,
              "accuracyModel": null, "plotMaxLoad": 10, "maxRequests": 50, "pruningMethod": "channel", "pruneTiming": "derived" }
            """,
            StudyPresets.Quick);
        var repository = ModelRepository.Open(Path.Combine(root.Path, "models"));
        var output = Path.Combine(root.Path, "results");

        var result = new StudyReproduction(new OrtStudyMeasurer(config, repository), renderer: null, canMeasureAccuracy: false)
            .Run(new ReproductionRequest(config, "quick", output, Fresh: false), progress: null, TestContext.Current.CancellationToken);

        var model = Assert.Single(result.Measurements.Models);
        Assert.Equal([0, 2], model.Edge.Select(e => e.Load));
        var (idle, loaded) = (model.Edge[0], model.Edge[1]);
        Assert.False(idle.PruneDerived);
        Assert.Equal(1, idle.Prune.Count); // one timed build, not pruneSamples = 3
        Assert.True(loaded.PruneDerived);
        var slowdown = loaded.Full.MedianSeconds / idle.Full.MedianSeconds;
        Assert.Equal(idle.Prune.MedianSeconds * slowdown, loaded.Prune.MedianSeconds, 1e-12);
        Assert.Equal(idle.Prune.MaxSeconds * slowdown, loaded.Prune.MaxSeconds, 1e-12);
        Assert.Empty(model.PruneByFactor); // the pf check is not timed when derived

        var report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("≈: derived, not timed", report, StringComparison.Ordinal);
        Assert.Contains("Not tested here: pruning time was timed at the lowest load only", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel-ls", PruneTiming.Derived)]
    [InlineData("channel-ls+int8", PruneTiming.Derived)]
    [InlineData("channel", PruneTiming.Measured)]
    [InlineData("global", PruneTiming.Measured)]
    public void EffectivePruneTiming_Auto_DerivesOnlyForChannelLs(string method, PruneTiming expected)
    {
        var config = StudyConfigJson.Parse($$"""{ "pruningMethod": "{{method}}" }""", StudyPresets.Quick);
        Assert.Equal(PruneTiming.Auto, config.PruneTiming);
        Assert.Equal(expected, config.EffectivePruneTiming);
        Assert.Equal(PruneTiming.Measured, (config with { PruneTiming = PruneTiming.Measured }).EffectivePruneTiming);
    }
}
