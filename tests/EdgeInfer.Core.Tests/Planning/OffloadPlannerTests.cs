using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Tests.Planning;

/// <summary>
/// The issue's example scenario (defaults: Q = 50, LOS at 100 m, minTop1 0.6, maxCycleDelay 2 s) against python3:
/// <code>
/// ul, dl = 1254656913.87847, 1553609362.08663      # LOS 100 m rates
/// tin, tres, treq = 300e3*8/ul, 2e3*8/dl, 1e3*8/ul
/// edge:   cycle = tin + tpr + tinf_e + tres;  life = tpr + Q*(tin + tinf_e + tres);  E = Q*(0.01*tin + 5.44*tres)
/// device: tm = size*8/dl; cycle = treq + tpr + tm + tinf_d; life = treq + tpr + tm + Q*tinf_d
///         E = 0.01*treq + 5.44*tm + Q*2.8*tinf_d;  edge energy = 131.26*tpr (ondemand only)
/// </code>
/// Relative tolerance 1e-9 (python printed 12 significant digits).
/// </summary>
public sealed class OffloadPlannerTests
{
    private static readonly LinkRates Los100 = new(new BitsPerSecond(1254656913.87847), new BitsPerSecond(1553609362.08663));

    internal static PlanningScenario Example { get; } = new()
    {
        Device = new DeviceProfile { Battery = new WattHours(11.1) },
        Edge = new EdgeProfile { Load = 40 },
        Constraints = new PlanningConstraints { MinTop1 = 0.6, MaxCycleDelay = new Seconds(2.0) },
    };

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected}, got {actual}");

    [Theory]
    [InlineData(Strategy.EdgeFull, 0.401923172129, 20.0961586065, 0.00375765572411, 0, 15_100_000)]
    [InlineData(Strategy.EdgePrepruned, 0.251923172129, 12.5961586065, 0.00375765572411, 0, 15_100_000)]
    [InlineData(Strategy.EdgeOndemand, 2.25192317213, 14.5961586065, 0.00375765572411, 262.52, 15_100_000)]
    [InlineData(Strategy.DeviceFull, 0.137029538759, 2.58702953876, 7.47340606784, 0, 16_901_000)]
    [InlineData(Strategy.DevicePrepruned, 0.0588424537645, 1.52884245376, 4.35686832547, 0, 5_601_000)]
    [InlineData(Strategy.DeviceOndemand, 2.05884245376, 3.52884245376, 4.35686832547, 262.52, 5_601_000)]
    public void Plan_Example_MatchesHandComputedCosts(Strategy strategy, double cycle, double lifetime, double deviceJ, double edgeJ, long bytes)
    {
        var outcome = OffloadPlanner.Plan(Example, Los100).Options[(int)strategy].Outcome;
        Assert.Equal(strategy, outcome.Strategy);
        Near(cycle, outcome.CycleDelay.Value);
        Near(lifetime, outcome.LifetimeDelay.Value);
        Near(deviceJ, outcome.DeviceEnergy.Value);
        Assert.Equal(edgeJ, outcome.EdgeEnergy.Value, 9);
        Assert.Equal(bytes, outcome.ExchangedData.Value);
    }

    /// <summary>
    /// Measured overheads beyond the paper (request 5 ms, download 20 ms, edge session open 50 ms) add to the delays above by
    /// hand: edge Q·0.005 (+0.05 once for edge-ondemand), device 0.02 once; energy and data are unchanged.
    /// </summary>
    [Theory]
    [InlineData(Strategy.EdgeFull, 0.406923172129, 20.3461586065)]
    [InlineData(Strategy.EdgePrepruned, 0.256923172129, 12.8461586065)]
    [InlineData(Strategy.EdgeOndemand, 2.30692317213, 14.8961586065)]
    [InlineData(Strategy.DeviceFull, 0.157029538759, 2.60702953876)]
    [InlineData(Strategy.DevicePrepruned, 0.0788424537645, 1.54884245376)]
    [InlineData(Strategy.DeviceOndemand, 2.07884245376, 3.54884245376)]
    public void Plan_WithOverheads_AddsThemToTheDelaysOnly(Strategy strategy, double cycle, double lifetime)
    {
        var overheads = new ProtocolOverheads { Request = new Seconds(0.005), Download = new Seconds(0.02), EdgeSessionOpen = new Seconds(0.05) };
        var scenario = Example with { Overheads = overheads };
        var with = OffloadPlanner.Plan(scenario, Los100).Options[(int)strategy].Outcome;
        var without = OffloadPlanner.Plan(Example, Los100).Options[(int)strategy].Outcome;
        Near(cycle, with.CycleDelay.Value);
        Near(lifetime, with.LifetimeDelay.Value);
        Assert.Equal(without.DeviceEnergy.Value, with.DeviceEnergy.Value);
        Assert.Equal(without.EdgeEnergy.Value, with.EdgeEnergy.Value);
        Assert.Equal(without.ExchangedData.Value, with.ExchangedData.Value);
    }

    /// <summary>Device decode 30 ms and session open 40 ms on the pruned variant add 0.07 s once to the pruned device strategies only.</summary>
    [Theory]
    [InlineData(Strategy.DeviceFull, 0.137029538759, 2.58702953876)]
    [InlineData(Strategy.DevicePrepruned, 0.1288424537645, 1.59884245376)]
    [InlineData(Strategy.DeviceOndemand, 2.12884245376, 3.59884245376)]
    [InlineData(Strategy.EdgeOndemand, 2.25192317213, 14.5961586065)]
    public void Plan_DeviceDecodeAndSessionOpen_AddOnceToDeviceStrategiesOfThatVariant(Strategy strategy, double cycle, double lifetime)
    {
        var pruned = Example.Model.Pruned with { DeviceDecode = new Seconds(0.03), DeviceSessionOpen = new Seconds(0.04) };
        var scenario = Example with { Model = Example.Model with { Pruned = pruned } };
        var outcome = OffloadPlanner.Plan(scenario, Los100).Options[(int)strategy].Outcome;
        Near(cycle, outcome.CycleDelay.Value);
        Near(lifetime, outcome.LifetimeDelay.Value);
    }

    [Fact]
    public void Plan_ExampleLatency_ChoosesDevicePrepruned()
    {
        var plan = OffloadPlanner.Plan(Example, Los100);
        Assert.Equal(Strategy.DevicePrepruned, plan.Chosen);
        Assert.Contains("device-prepruned has the lowest lifetime delay", plan.Explanation, StringComparison.Ordinal);
        Assert.Contains("4 feasible", plan.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ExampleOnDemand_InfeasibleByCycleDelay()
    {
        var plan = OffloadPlanner.Plan(Example, Los100);
        foreach (var strategy in new[] { Strategy.EdgeOndemand, Strategy.DeviceOndemand })
        {
            var option = plan.Options[(int)strategy];
            Assert.False(option.Outcome.Feasible);
            Assert.Equal(ConstraintViolations.CycleDelay, option.Outcome.Violations);
            Assert.Contains("> maxCycleDelaySeconds 2 s", Assert.Single(option.Reasons), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan_EnergyObjective_PicksEdgeAndBreaksTieByDelay()
    {
        // Every edge-* strategy costs the device the same energy; edge-prepruned is the faster of the feasible two.
        var plan = OffloadPlanner.Plan(Example with { Objective = Objective.Energy }, Los100);
        Assert.Equal(Strategy.EdgePrepruned, plan.Chosen);
    }

    [Fact]
    public void Plan_DataObjective_PicksSmallestDownload() =>
        Assert.Equal(Strategy.DevicePrepruned, OffloadPlanner.Plan(Example with { Objective = Objective.Data }, Los100).Chosen);

    [Fact]
    public void Plan_ExampleBreakEven_MatchesBruteForce()
    {
        // python3 loop over q = 1..10**6 with the lines above: delay 1/1/6, energy never, data 56/19/19.
        var plan = OffloadPlanner.Plan(Example, Los100);
        Assert.Equal(
            [
                new BreakEven(Strategy.DeviceFull, 1, null, 56),
                new BreakEven(Strategy.DevicePrepruned, 1, null, 19),
                new BreakEven(Strategy.DeviceOndemand, 6, null, 19),
            ],
            plan.BreakEvens);
    }

    [Fact]
    public void Plan_AccuracyNoneCanMeet_ChosenNullWithExplanation()
    {
        var plan = OffloadPlanner.Plan(Example with { Constraints = new PlanningConstraints { MinTop1 = 0.99 } }, Los100);
        Assert.Null(plan.Chosen);
        Assert.StartsWith("No strategy meets every constraint.", plan.Explanation, StringComparison.Ordinal);
        Assert.Contains("edge-full: top1 0.7 of the full model < minTop1 0.99", plan.Explanation, StringComparison.Ordinal);
        Assert.All(plan.Options, o => Assert.Equal(ConstraintViolations.Top1, o.Outcome.Violations));
    }

    [Fact]
    public void Plan_PrunedVariantBelowMinTop1_IsRuledOutByName_AndTheFullModelIsChosen()
    {
        // The example's pruned variant is the fastest everywhere; at Top-1 0.311 (channel pruning without reconstruction)
        // against a minimum of 0.8 it must be ruled out, and the full model (0.848) chosen instead, with the reason named.
        var model = Example.Model with
        {
            Full = Example.Model.Full with { Top1 = 0.848 },
            Pruned = Example.Model.Pruned with { Top1 = 0.311, Variant = "channel-0.30" },
        };
        var scenario = Example with { Model = model, Constraints = new PlanningConstraints { MinTop1 = 0.8 } };

        var plan = OffloadPlanner.Plan(scenario, Los100);

        Assert.Equal(Strategy.DeviceFull, plan.Chosen);
        foreach (var option in plan.Options)
        {
            var pruned = option.Outcome.Strategy.UsesPrunedModel();
            Assert.Equal(pruned ? ConstraintViolations.Top1 : ConstraintViolations.None, option.Outcome.Violations);
            Assert.Equal(pruned ? ["top1 0.311 of the pruned model channel-0.30 < minTop1 0.8"] : [], option.Reasons);
        }

        Assert.EndsWith(" Ruled out by accuracy: the pruned model channel-0.30 (top1 0.311 < minTop1 0.8).", plan.Explanation, StringComparison.Ordinal);
        Assert.StartsWith("device-full has the lowest lifetime delay", plan.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NothingRuledOutByAccuracy_ExplanationSaysNothingOfIt()
    {
        var plan = OffloadPlanner.Plan(Example, Los100);
        Assert.DoesNotContain("Ruled out by accuracy", plan.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Top5UnknownButRequired_EveryOptionViolates()
    {
        var plan = OffloadPlanner.Plan(Example with { Constraints = new PlanningConstraints { MinTop5 = 0.8 } }, Los100);
        Assert.Null(plan.Chosen);
        Assert.All(plan.Options, o => Assert.Contains("top5 of the", Assert.Single(o.Reasons), StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_SmallBattery_RejectsDeviceStrategies()
    {
        // 0.001 Wh = 3.6 J: device-full needs 7.47 J and device-prepruned 4.36 J; edge-* need 0.0038 J.
        var scenario = Example with { Device = new DeviceProfile { Battery = new WattHours(0.001) } };
        var plan = OffloadPlanner.Plan(scenario, Los100);
        Assert.Equal(ConstraintViolations.Battery, plan.Options[(int)Strategy.DeviceFull].Outcome.Violations);
        Assert.Contains("device energy 7.47341 J > battery 3.6 J (0.001 Wh)", plan.Options[(int)Strategy.DeviceFull].Reasons, StringComparer.Ordinal);
        Assert.Equal(Strategy.EdgePrepruned, plan.Chosen);
    }

    [Fact]
    public void Plan_DefaultInputs_Throws()
    {
        var buffer = default(PlanBuffer);
        Assert.Throws<ArgumentException>(() => OffloadPlanner.Plan(default(PlanningInputs), Los100, ref buffer));
    }

    [Fact]
    public void Plan_ZeroUplink_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OffloadPlanner.Plan(Example, new LinkRates(BitsPerSecond.Zero, new BitsPerSecond(1e9))));

    [Fact]
    public void Plan_HotPath_AllocatesNothing()
    {
        var inputs = Example.ToInputs();
        var buffer = default(PlanBuffer);
        OffloadPlanner.Plan(inputs, Los100, ref buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            OffloadPlanner.Plan(inputs, Los100, ref buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Strategy.DevicePrepruned, buffer.Chosen);
    }

    [Fact]
    public void ToInputs_BadScenario_ListsEveryProblem()
    {
        var scenario = Example with
        {
            Radio = RadioOptions.Default with { Distance = new Meters(2) },
            Workload = new Workload { Requests = 0 },
            Model = new ModelProfile { Name = "", Pruned = Example.Model.Pruned with { Top1 = 1.5, PruningFactor = 1.0 } },
            Constraints = new PlanningConstraints { MaxCycleDelay = Seconds.Zero },
        };
        var ex = Assert.Throws<EdgeInferInputException>(() => scenario.ToInputs());
        string[] paths =
        [
            "radio.distanceMeters", "workload.requests", "model.name", "model.pruned.top1", "model.pruned.pruningFactor", "constraints.maxCycleDelaySeconds",
        ];
        foreach (var path in paths)
        {
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Strategies_Names_AreTheIssueNames()
    {
        Assert.Equal(
            ["edge-full", "edge-prepruned", "edge-ondemand", "device-full", "device-prepruned", "device-ondemand"], Strategies.All.Select(s => s.Name()));
        Assert.Equal(Strategy.DeviceOndemand, Strategies.Parse("device-ondemand"));
        Assert.Contains("allowed: edge-full", Assert.Throws<EdgeInferInputException>(() => Strategies.Parse("cloud")).Message, StringComparison.Ordinal);
    }
}
