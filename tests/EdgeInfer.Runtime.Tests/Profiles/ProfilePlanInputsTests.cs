using EdgeInfer.Core;
using EdgeInfer.Core.Planning;
using EdgeInfer.Runtime.Profiles;
using static EdgeInfer.Runtime.Tests.Profiles.ProfileSamples;

namespace EdgeInfer.Runtime.Tests.Profiles;

public sealed class ProfilePlanInputsTests
{
    [Fact]
    public void Apply_MeasuredProfile_FillsModelAndLoadFromMedians()
    {
        var inputs = ProfilePlanInputs.From(Both(), "mobilenet", "global-0.70");
        var baseScenario = new PlanningScenario();

        var scenario = inputs.Apply(baseScenario, 5, extrapolate: false, out var estimates);

        Assert.Equal(5, scenario.Edge.Load);
        Assert.Equal("mobilenet", scenario.Model.Name);
        Assert.Equal(1000, scenario.Model.Full.Size.Value);
        Assert.Equal(400, scenario.Model.Pruned.Size.Value);
        Assert.Equal(0.10, scenario.Model.Full.DeviceInference.Value);
        Assert.Equal(0.06, scenario.Model.Pruned.DeviceInference.Value);
        Assert.Equal(0.07, scenario.Model.Full.EdgeInference.Value, 12);
        Assert.Equal(0.035, scenario.Model.Pruned.EdgeInference.Value, 12);
        Assert.Equal(1.5, scenario.Model.Pruned.Prune.Value, 12);
        Assert.Equal(0.7, scenario.Model.Pruned.PruningFactor);
        Assert.Equal(baseScenario.Model.Full.Top1, scenario.Model.Full.Top1);
        Assert.False(estimates.Extrapolated);
        Assert.Empty(scenario.Problems());
    }

    [Fact]
    public void Apply_BeyondMeasuredLoads_NeedsExtrapolateAndIsMarked()
    {
        var inputs = ProfilePlanInputs.From(Both(), "mobilenet", null);

        Assert.Throws<EdgeInferInputException>(() => inputs.Apply(new PlanningScenario(), 40, extrapolate: false, out _));
        inputs.Apply(new PlanningScenario(), 40, extrapolate: true, out var estimates);

        Assert.True(estimates.Extrapolated);
        Assert.True(estimates.EdgeFull.Seconds > 0.22);
    }

    [Fact]
    public void From_MissingModel_ThrowsListingWhatTheProfileHas()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ProfilePlanInputs.From(Both(), "resnet152", "global-0.70"));

        Assert.Contains("'resnet152'", ex.Message);
        Assert.Contains("edge mobilenet/global-0.70", ex.Message);
    }

    [Fact]
    public void From_MissingVariant_ThrowsNamingIt()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ProfilePlanInputs.From(Both(), "mobilenet", "global-0.50"));

        Assert.Contains("'global-0.50'", ex.Message);
    }

    [Fact]
    public void From_NoEdgeRole_ThrowsSayingSo()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ProfilePlanInputs.From(Both() with { Edge = null }, "mobilenet", null));

        Assert.Contains("no edge role", ex.Message);
    }

    [Fact]
    public void From_NoPruneTimes_ThrowsNamingTheVariant()
    {
        var both = Both();
        var edge = both.Edge! with { Models = [both.Edge.Models[0], Model("mobilenet", "global-0.70", (0, 0.01), (10, 0.06))] };

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfilePlanInputs.From(both with { Edge = edge }, "mobilenet", null));

        Assert.Contains("pruneSeconds", ex.Message);
    }

    [Fact]
    public void Find_LinearEdgeCurve_ReturnsExactCrossing()
    {
        var inputs = ProfilePlanInputs.From(Both(), "mobilenet", null);
        double[] loads = [0, 5, 10, 15, 20];

        // device 0.10 s = edge 0.02 + 0.01·L at L = 8; pruned: 0.06 = 0.01 + 0.005·L at L = 10.
        var full = LoadThreshold.Find(loads, l => inputs.DeviceFull.Value - inputs.EdgeFullCurve.At(l, false).Seconds);
        var pruned = LoadThreshold.Find(loads, l => inputs.DevicePruned.Value - inputs.EdgePrunedCurve.At(l, false).Seconds);

        Assert.Equal(8, full!.Value, 6);
        Assert.Equal(10, pruned!.Value, 6);
    }

    [Fact]
    public void Find_DeviceNeverFaster_ReturnsNull()
    {
        Assert.Null(LoadThreshold.Find([0, 1, 2], _ => 1.0));
        Assert.Equal(0, LoadThreshold.Find([0, 1, 2], _ => -1.0));
    }
}
