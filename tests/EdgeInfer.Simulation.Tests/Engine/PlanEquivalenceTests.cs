using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Tests.Engine;

/// <summary>
/// One device, one request (Q = 1), an idle edge: the simulator's delay, device energy and exchanged data equal what
/// <c>plan</c> (Core's <see cref="OffloadPlanner"/>) computes for each of the six strategies, to 1e-9 relative. The
/// planning scenario is written here by hand from the same numbers, not taken from the simulator. Once with the paper's
/// model, once with measured protocol overheads (per offloaded request, per download), which both add as pure delays.
/// </summary>
public sealed class PlanEquivalenceTests
{
    private const double DistanceMeters = 137.5;

    public static TheoryData<Strategy, bool> AllStrategies =>
        [.. Strategies.All.SelectMany(s => new[] { (s, false), (s, true) })];

    [Theory]
    [MemberData(nameof(AllStrategies))]
    public void OneRequestOnAnIdleEdgeCostsWhatThePlannerSays(Strategy strategy, bool withOverheads)
    {
        var overheads = withOverheads ? new ProtocolOverheads { Request = new Seconds(0.013), Download = new Seconds(0.021) } : new ProtocolOverheads();
        var radio = RadioOptions.Default with { Condition = ChannelCondition.Los };
        var rates = RadioChannel.Evaluate(radio with { Distance = new Meters(DistanceMeters) }).Rates;
        var plan = OffloadPlanner.Plan(PlanningScenario() with { Overheads = overheads }, rates);
        var expected = plan.Options.Single(o => o.Outcome.Strategy == strategy).Outcome;

        var result = Simulate(radio, strategy, overheads);

        Assert.Equal(1, result.Requests);
        AssertRelative(expected.LifetimeDelay.Value, result.MeanDelaySeconds);
        AssertRelative(expected.DeviceEnergy.Value, result.MeanDeviceEnergyJoules);
        Assert.Equal(expected.ExchangedData.Value, result.CellDataBytes);
        Assert.Equal(strategy.RunsAtEdge() ? 1.0 : 0.0, result.EdgeShare);
        Assert.Equal(strategy.PrunesOnDemand() ? 1 : 0, result.Prunes);
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, simulated {actual:R}");

    private static PlanningScenario PlanningScenario() => new()
    {
        Workload = new Workload { Requests = 1 },
        Model = new ModelProfile
        {
            Name = "m",
            Full = new ModelVariantCosts { Size = new Bytes(17_034_132), DeviceInference = new Seconds(0.0065), EdgeInference = new Seconds(0.0045) },
            Pruned = new ModelVariantCosts
            {
                Size = new Bytes(5_720_477),
                DeviceInference = new Seconds(0.0025),
                EdgeInference = new Seconds(0.0028),
                Prune = new Seconds(34.3),
            },
        },
    };

    private static SimulationResult Simulate(RadioOptions radio, Strategy strategy, ProtocolOverheads overheads)
    {
        var scenario = new CellScenario
        {
            Radio = radio,
            Overheads = overheads,
            Devices = new DeviceLayout { Placement = DevicePlacement.Trace, Trace = [(DistanceMeters, 0)] },
            Applications =
            [
                new ApplicationClass
                {
                    RequestsPerLifetime = 1,
                    Arrivals = new ArrivalProcess { Kind = ArrivalKind.Trace, Trace = [(1.0, 0)] },
                },
            ],
            Catalog = new CellCatalog
            {
                Models =
                [
                    new CellCatalogModel
                    {
                        Name = "m",
                        Variants =
                        [
                            new SimulatedVariant
                            {
                                Name = "full",
                                Size = new Bytes(17_034_132),
                                DeviceInference = new Seconds(0.0065),
                                EdgeInference = new Seconds(0.0045),
                            },
                            new SimulatedVariant
                            {
                                Name = "pruned",
                                Size = new Bytes(5_720_477),
                                DeviceInference = new Seconds(0.0025),
                                EdgeInference = new Seconds(0.0028),
                                Prune = new Seconds(34.3),
                            },
                        ],
                    },
                ],
            },
            Edge = new CellEdgeOptions
            {
                Store = new StoreOptions { Preload = strategy.PrunesOnDemand() ? StorePreload.None : StorePreload.All },
            },
            Duration = new Seconds(10),
            Warmup = Seconds.Zero,
        };

        return new CellSimulator(scenario).Run(FixedPolicy.For(strategy), EvictionKind.Lru, seed: 1);
    }
}
