using System.Text.Json;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Study.Tests.EndToEnd;

public sealed class TinyStudyTests(TinyStudyFixture study) : IClassFixture<TinyStudyFixture>
{
    private const double Tolerance = 1e-9;

    private static readonly string[] RowKinds = ["measured", "interpolated", "extrapolated", "marker"];

    [Fact]
    public void Run_AddsEachPrunedVariantToTheRepositoryOnceUnderItsVariantName()
    {
        // The study names its variants as prune, profile and the edge server do (channel-0.70, not channel-0.7), so the
        // edge finds them as pre-pruned and the repository holds one name per variant.
        var variants = study.Repository.List().Where(e => e.Name == "mobilenet").Select(e => e.Variant).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["channel-0.70", "full"], variants);
        var pruned = study.Repository.Get("mobilenet", "channel-0.70").Metadata;
        Assert.Equal(0.7, pruned.PruningFactor);
        Assert.Equal("channel", pruned.PruningMethod);
        Assert.Equal("mobilenet/full", pruned.Source);
    }

    [Fact]
    public void Run_WritesEveryOutputFile_AndEachParses()
    {
        // Accuracy is skipped in the tiny study: fig2a has a (header-only) CSV and no picture.
        Assert.Empty(CsvRow.Read(Path.Combine(study.Output, "figures", "fig2a.csv")));
        Assert.False(File.Exists(Path.Combine(study.Output, "figures", "fig2a.png")));
        foreach (var name in new[] { "fig2b", "fig3", "fig4", "fig5" })
        {
            var rows = CsvRow.Read(Path.Combine(study.Output, "figures", name + ".csv"));
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Contains(r.Kind, RowKinds));
            var png = File.ReadAllBytes(Path.Combine(study.Output, "figures", name + ".png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            var svg = System.Xml.Linq.XDocument.Load(Path.Combine(study.Output, "figures", name + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(study.Output, "run.json")));
        Assert.True(run.RootElement.GetProperty("complete").GetBoolean());
        Assert.False(string.IsNullOrEmpty(run.RootElement.GetProperty("onnxRuntimeVersion").GetString()));
        Assert.False(string.IsNullOrEmpty(run.RootElement.GetProperty("edgeInferVersion").GetString()));
        Assert.Equal(
            Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            run.RootElement.GetProperty("machine").GetProperty("logicalCores").GetString());
        Assert.Equal(JsonValueKind.Object, run.RootElement.GetProperty("config").ValueKind);
        foreach (var file in run.RootElement.GetProperty("files").EnumerateArray())
        {
            Assert.True(File.Exists(Path.Combine(study.Output, file.GetString()!)), file.GetString());
        }

        using var measurements = JsonDocument.Parse(File.ReadAllText(Path.Combine(study.Output, "measurements.json")));
        Assert.Equal(1, measurements.RootElement.GetProperty("models").GetArrayLength());
        var report = File.ReadAllText(Path.Combine(study.Output, "report.md"));
        Assert.Contains("## Headline findings", report, StringComparison.Ordinal);
        Assert.Contains("## Thresholds", report, StringComparison.Ordinal);
        Assert.Contains("untrained", report, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(study.Output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Fig3_MeasuredPoints_EqualThePlannerOnTheMeasuredInputs()
    {
        var rows = CsvRow.Read(Path.Combine(study.Output, "figures", "fig3.csv"))
            .Where(r => r.Kind == "measured" && !r.Series.StartsWith("marker:", StringComparison.Ordinal))
            .ToArray();
        var measured = study.Result.Measurements.Models[0];
        var rates = RadioChannel.Evaluate(study.Config.Scenario.Radio).Rates;
        var checkedPoints = 0;
        foreach (var edge in measured.Edge)
        {
            var plan = OffloadPlanner.Plan(
                Scenario(measured, edge.Load, 1, edge.Full.MedianSeconds, edge.Pruned.MedianSeconds, edge.Prune.MedianSeconds), rates);
            foreach (var option in plan.Options)
            {
                var row = Assert.Single(rows, r => r.Series == option.Outcome.Strategy.Name() && r.X == edge.Load);
                Assert.Equal(option.Outcome.CycleDelay.Value, row.Y, Tolerance);
                checkedPoints++;
            }
        }

        Assert.Equal(12, checkedPoints);
    }

    [Fact]
    public void Fig4AndFig5_EqualThePlannerForEveryQ()
    {
        var measured = study.Result.Measurements.Models[0];
        var edge0 = measured.Edge[0];
        var rates = RadioChannel.Evaluate(study.Config.Scenario.Radio).Rates;
        var data = CsvRow.Read(Path.Combine(study.Output, "figures", "fig4.csv")).Where(r => r.Kind == "measured").ToArray();
        var energy = CsvRow.Read(Path.Combine(study.Output, "figures", "fig5.csv")).Where(r => r.Kind == "measured").ToArray();
        Assert.Contains(data, r => r.X == 1);
        Assert.Contains(data, r => r.X == study.Config.MaxRequests);
        foreach (var row in data)
        {
            var plan = OffloadPlanner.Plan(
                Scenario(measured, 0, (long)row.X, edge0.Full.MedianSeconds, edge0.Pruned.MedianSeconds, edge0.Prune.MedianSeconds), rates);
            var strategy = row.Series.StartsWith("edge-full", StringComparison.Ordinal) ? Strategy.EdgeFull : Strategies.Parse(row.Series);
            Assert.Equal(plan.Options[(int)strategy].Outcome.ExchangedData.Value / 1e6, row.Y, Tolerance);
        }

        foreach (var row in energy)
        {
            var plan = OffloadPlanner.Plan(
                Scenario(measured, 0, (long)row.X, edge0.Full.MedianSeconds, edge0.Pruned.MedianSeconds, edge0.Prune.MedianSeconds), rates);
            var strategy = row.Series.StartsWith("edge", StringComparison.Ordinal) ? Strategy.EdgeFull : Strategies.Parse(row.Series);
            Assert.Equal(plan.Options[(int)strategy].Outcome.DeviceEnergy.Value, row.Y, Math.Abs(row.Y) * Tolerance);
        }

        var batteries = CsvRow.Read(Path.Combine(study.Output, "figures", "fig5.csv")).Where(r => r.Kind == "marker").Select(r => r.Y).Distinct().Order();
        Assert.Equal([3.7 * 3600, 11.1 * 3600, 18.5 * 3600], batteries.Select(b => Math.Round(b, 6)));
    }

    [Fact]
    public void Fig2b_EnergyIsEdgePowerTimesMeasuredPruningTime()
    {
        var rows = CsvRow.Read(Path.Combine(study.Output, "figures", "fig2b.csv"));
        foreach (var edge in study.Result.Measurements.Models[0].Edge)
        {
            var time = Assert.Single(rows, r => r.Axis == "left" && r.X == edge.Load);
            var joules = Assert.Single(rows, r => r.Axis == "right" && r.X == edge.Load);
            Assert.Equal(edge.Prune.MedianSeconds, time.Y, Tolerance);
            Assert.Equal(131.26 * edge.Prune.MedianSeconds, joules.Y, 1e-9 * joules.Y);
        }
    }

    [Fact]
    public void Rerun_ReusesEveryCachedMeasurement_AndFreshMeasuresAgain()
    {
        var again = study.Run(fresh: false, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, again.CacheMisses);
        Assert.True(again.CacheHits >= 10);
        Assert.Equal(study.Result.Measurements.Models[0].DeviceFull, again.Measurements.Models[0].DeviceFull);
    }

    [Fact]
    public void Cancel_MidRun_LeavesOnlyWholeEntriesThatTheNextRunReuses()
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource();
        var steps = 0;
        var measurer = new EdgeInfer.Study.Measurement.OrtStudyMeasurer(study.Config, study.Repository);
        var reproduction = new StudyReproduction(measurer, new EdgeInfer.Study.Figures.ReportingFigureRenderer(), canMeasureAccuracy: false);
        var request = new ReproductionRequest(study.Config, "quick", dir.Path, Fresh: false);
        Assert.ThrowsAny<OperationCanceledException>(() => reproduction.Run(request, p =>
        {
            if (p.Phase == "edge" && ++steps == 2)
            {
                cts.Cancel();
            }
        }, cts.Token));

        using (var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "run.json"))))
        {
            Assert.False(run.RootElement.GetProperty("complete").GetBoolean());
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
        var cached = Directory.GetFiles(Path.Combine(dir.Path, "cache")).Length;
        var resumed = reproduction.Run(request, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(resumed.CacheHits >= cached, $"{resumed.CacheHits} hits, {cached} entries");
        Assert.True(resumed.CacheMisses > 0);
    }

    private static PlanningScenario Scenario(Running.ModelMeasurements m, int load, long requests, double edgeFull, double edgePruned, double prune) => new()
    {
        Edge = new EdgeProfile { Load = load },
        Workload = new Workload { Requests = requests },
        Model = new ModelProfile
        {
            Name = m.Model,
            Full = new ModelVariantCosts
            {
                Size = new Bytes(m.Full.TransferBytes),
                DeviceInference = new Seconds(m.DeviceFull.MedianSeconds),
                EdgeInference = new Seconds(edgeFull),
            },
            Pruned = new ModelVariantCosts
            {
                Size = new Bytes(m.Pruned.TransferBytes),
                DeviceInference = new Seconds(m.DevicePruned.MedianSeconds),
                EdgeInference = new Seconds(edgePruned),
                Prune = new Seconds(prune),
                PruningFactor = 0.7,
            },
        },
    };
}
