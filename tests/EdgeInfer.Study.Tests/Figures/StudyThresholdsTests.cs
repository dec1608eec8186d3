using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Figures;

namespace EdgeInfer.Study.Tests.Figures;

public sealed class StudyThresholdsTests
{
    private static readonly StudyConfig Config = new StudyConfig { Models = ["mobilenet"], EdgeLoads = [0, 10], PlotMaxLoad = 100 }.Validated();
    private static readonly LinkRates Rates = RadioChannel.Evaluate(Config.Scenario.Radio).Rates;

    [Fact]
    public void Compute_DeviceFasterWithinMeasuredLoads_IsTheFirstLoadWhereThePlannerSaysSo()
    {
        var inputs = new ModelCostInputs(Config, SyntheticStudy.Model("mobilenet", 0.3, (0, 0.1), (10, 1.1)));
        var t = StudyThresholds.Compute(inputs, Rates);

        var full = Assert.IsType<LoadCrossing>(t.FullLoad);
        Assert.Equal(PointKind.Interpolated, full.Kind);
        Assert.True(Cycle(inputs, full.Load, Strategy.DeviceFull) < Cycle(inputs, full.Load, Strategy.EdgeFull));
        Assert.True(Cycle(inputs, full.Load - 1, Strategy.DeviceFull) >= Cycle(inputs, full.Load - 1, Strategy.EdgeFull));
        Assert.InRange(full.Load, 1, 10);
    }

    [Fact]
    public void Compute_DeviceFasterOnlyBeyondMeasuredLoads_IsMarkedExtrapolated()
    {
        // The device takes 0.6 s; at the edge 0.1 s at L = 0 and 0.3 s at L = 10: the fit crosses 0.6 s beyond L = 10.
        var inputs = new ModelCostInputs(Config, SyntheticStudy.Model("mobilenet", 0.6, (0, 0.1), (10, 0.3)));
        var t = StudyThresholds.Compute(inputs, Rates);
        var full = Assert.IsType<LoadCrossing>(t.FullLoad);
        Assert.True(full.Load > 10, $"threshold {full.Load}");
        Assert.Equal(PointKind.Extrapolated, full.Kind);
        Assert.True(Cycle(inputs, full.Load, Strategy.DeviceFull) < Cycle(inputs, full.Load, Strategy.EdgeFull));
    }

    [Fact]
    public void Compute_DeviceNeverFaster_IsNull()
    {
        var single = Config with { EdgeLoads = [0], PlotMaxLoad = 0 };
        var inputs = new ModelCostInputs(single, SyntheticStudy.Model("mobilenet", 5.0, (0, 0.1)));
        var t = StudyThresholds.Compute(inputs, Rates);
        Assert.Null(t.FullLoad);
        Assert.Null(t.BestLoad);
        Assert.Equal(0, inputs.MaxLoad);
    }

    [Fact]
    public void Fig3_PointsBeyondTheMeasuredLoads_AreExtrapolatedAndMeasuredLoadsAreMeasured()
    {
        var inputs = new ModelCostInputs(Config, SyntheticStudy.Model("mobilenet", 0.3, (0, 0.1), (10, 1.1)));
        var figure = StudyFigures.Fig3([inputs], Rates, StudyThresholds.Compute([inputs], Rates));
        var edgeFull = Assert.Single(figure.Panels).Series.Single(s => s.Label == "edge-full");
        Assert.All(edgeFull.Points.Where(p => p.X <= 10), p => Assert.Equal(PointKind.Measured, p.Kind));
        Assert.All(edgeFull.Points.Where(p => p.X > 10), p => Assert.Equal(PointKind.Extrapolated, p.Kind));
        Assert.Equal(100, edgeFull.Points[^1].X);
        var deviceFull = Assert.Single(figure.Panels).Series.Single(s => s.Label == "device-full");
        Assert.All(deviceFull.Points, p => Assert.Equal(PointKind.Measured, p.Kind));
        Assert.Single(figure.Panels[0].Markers, m => m.Vertical);
    }

    [Fact]
    public void Findings_DeviceEnergyGain_IsThePlannersFullOverPrunedRatio()
    {
        var measured = SyntheticStudy.Model("mobilenet", 0.3, (0, 0.1), (10, 1.1));
        var inputs = new ModelCostInputs(Config, measured);
        var findings = EdgeInfer.Study.Findings.StudyFindings.Compute(Config, [inputs], Rates);
        var plan = inputs.Scenario(0, 1).Plan(Rates);
        var gain = plan.Outcome(Strategy.DeviceFull).DeviceEnergy.Value / plan.Outcome(Strategy.DevicePrepruned).DeviceEnergy.Value;
        var row = Assert.Single(findings, f => f.Finding.StartsWith("Device energy gain", StringComparison.Ordinal));
        Assert.Contains(gain.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " (Q = 1)", row.Ours, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgePhaseEstimate_AtMeasuredLoads_SumsRunsTimesMeasuredTimes()
    {
        var inputs = new ModelCostInputs(Config, SyntheticStudy.Model("mobilenet", 0.3, (0, 0.1), (10, 1.1)));
        var target = Config with { Samples = 4, WarmupRuns = 1, PruneSamples = 2, PruneTiming = PruneTiming.Measured };

        // Per load: 5 runs of full (t) and pruned (t/2), plus 2 prunings (0.5 + 0.05·L).
        var expected = (5 * (0.1 + 0.05)) + (2 * 0.5) + (5 * (1.1 + 0.55)) + (2 * 1.0);
        Assert.Equal(expected, EdgeInfer.Study.Findings.StudyEstimate.EdgePhaseSeconds(target, [inputs]), 1e-9);

        // Derived prune timing: one pruning at the lowest load only.
        var derived = (5 * (0.1 + 0.05)) + 0.5 + (5 * (1.1 + 0.55));
        Assert.Equal(
            derived, EdgeInfer.Study.Findings.StudyEstimate.EdgePhaseSeconds(target with { PruneTiming = PruneTiming.Derived }, [inputs]), 1e-9);
    }

    private static double Cycle(ModelCostInputs inputs, int load, Strategy strategy) => inputs.Scenario(load, 1).Plan(Rates).Outcome(strategy).CycleDelay.Value;

}
