using CsCheck;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Tests.Planning;

/// <summary>Invariants of the cost model and the O(1) break-even solver, checked on random inputs (CsCheck).</summary>
public sealed class PlannerPropertyTests
{
    private static readonly Gen<LinkRates> GenRates =
        Gen.Select(Gen.Double[1e5, 3e9], Gen.Double[1e5, 3e9]).Select((u, d) => new LinkRates(new BitsPerSecond(u), new BitsPerSecond(d)));

    private static readonly Gen<ModelVariantCosts> GenVariant =
        Gen.Select(Gen.Long[1, 600_000_000], Gen.Double[0, 5], Gen.Double[0, 5], Gen.Double[0, 30]).Select((size, dev, edge, prune) => new ModelVariantCosts
        {
            Size = new Bytes(size),
            DeviceInference = new Seconds(dev),
            EdgeInference = new Seconds(edge),
            Prune = new Seconds(prune),
            Top1 = 0.7,
        });

    private static readonly Gen<PlanningScenario> GenScenario =
        Gen.Select(GenVariant, GenVariant, Gen.Long[1, 100_000]).Select((full, pruned, q) => new PlanningScenario
        {
            Model = new ModelProfile { Full = full, Pruned = pruned },
            Workload = new Workload { Requests = q },
        });

    private static StrategyOutcome[] Outcomes(PlanningScenario scenario, LinkRates rates)
    {
        var buffer = default(PlanBuffer);
        OffloadPlanner.Plan(scenario.ToInputs(), rates, ref buffer);
        return Strategies.All.Select(buffer.Outcome).ToArray();
    }

    [Fact]
    public void Plan_MoreRequests_NeverLowersLifetimeDelayOrEnergy()
    {
        Gen.Select(GenScenario, GenRates, Gen.Long[1, 1000]).Sample((scenario, rates, extra) =>
        {
            var fewer = Outcomes(scenario, rates);
            var more = Outcomes(scenario with { Workload = new Workload { Requests = scenario.Workload.Requests + extra } }, rates);
            for (var i = 0; i < Strategies.Count; i++)
            {
                Assert.True(more[i].LifetimeDelay >= fewer[i].LifetimeDelay, $"{fewer[i].Strategy} delay");
                Assert.True(more[i].DeviceEnergy >= fewer[i].DeviceEnergy, $"{fewer[i].Strategy} energy");
                Assert.True(more[i].ExchangedData >= fewer[i].ExchangedData, $"{fewer[i].Strategy} data");
                Assert.Equal(fewer[i].CycleDelay, more[i].CycleDelay);
            }
        });
    }

    [Fact]
    public void Plan_SlowerEdgeOrMoreLoad_NeverMakesEdgeFaster()
    {
        Gen.Select(GenScenario, GenRates, Gen.Double[0, 10], Gen.Double[0, 100]).Sample((scenario, rates, slowdown, load) =>
        {
            var model = scenario.Model;
            var loaded = scenario with
            {
                Edge = new EdgeProfile { Load = scenario.Edge.Load + load },
                Model = model with
                {
                    Full = model.Full with { EdgeInference = model.Full.EdgeInference + new Seconds(slowdown) },
                    Pruned = model.Pruned with { EdgeInference = model.Pruned.EdgeInference + new Seconds(slowdown) },
                },
            };
            var before = Outcomes(scenario, rates);
            var after = Outcomes(loaded, rates);
            foreach (var s in Strategies.All.Where(s => s.RunsAtEdge()))
            {
                Assert.True(after[(int)s].CycleDelay >= before[(int)s].CycleDelay);
                Assert.True(after[(int)s].LifetimeDelay >= before[(int)s].LifetimeDelay);
            }
        });
    }

    [Fact]
    public void Plan_LoadAlone_ChangesNothing()
    {
        // The load is carried for reporting: its effect is already inside the measured edge times.
        Gen.Select(GenScenario, GenRates, Gen.Double[0, 100]).Sample((scenario, rates, load) =>
            Assert.Equal(Outcomes(scenario, rates), Outcomes(scenario with { Edge = new EdgeProfile { Load = load } }, rates)));
    }

    [Fact]
    public void Plan_EveryOutcome_IsNonNegativeAndChosenIsBestFeasible()
    {
        Gen.Select(GenScenario, GenRates).Sample((scenario, rates) =>
        {
            var plan = OffloadPlanner.Plan(scenario with { Constraints = new PlanningConstraints { MaxCycleDelay = new Seconds(3) } }, rates);
            var feasible = plan.Options.Where(o => o.Outcome.Feasible).ToList();
            Assert.Equal(feasible.Count == 0, plan.Chosen is null);
            if (plan.Chosen is { } chosen)
            {
                Assert.All(feasible, o => Assert.True(plan.Options[(int)chosen].Outcome.LifetimeDelay <= o.Outcome.LifetimeDelay));
            }
        });
    }

    [Fact]
    public void FirstCheaper_AgreesWithNaiveLoop()
    {
        const long max = 3000;
        var genLine = Gen.Select(Gen.Double[0, 100], Gen.Double[0, 1]).Select((a, b) => new Line(a, b));
        Gen.Select(genLine, genLine).Sample((candidate, reference) =>
        {
            long? naive = null;
            for (long q = 1; q <= max; q++)
            {
                if (candidate.At(q) < reference.At(q))
                {
                    naive = q;
                    break;
                }
            }

            Assert.Equal(naive, BreakEvenSolver.FirstCheaper(candidate, reference, max));
        });
    }

    [Theory]
    [InlineData(10, 1, 0, 2, 11L)] // 10 + q < 2q ⇔ q > 10
    [InlineData(10, 1, 0, 3, 6L)] // 10 + q < 3q ⇔ q > 5
    [InlineData(0, 1, 5, 1, 1L)] // cheaper from the start
    [InlineData(5, 1, 0, 1, null)] // parallel, never
    [InlineData(1, 1, 0, 1.000001, null)] // crosses at 10^6 + 1: outside the bound
    [InlineData(0.5, 1, 0, 1.0000007, 714_286L)] // 0.5 < 7e-7·q ⇔ q > 714 285.7 (within the bound)
    public void FirstCheaper_HandComputed(double a1, double b1, double a2, double b2, long? expected) =>
        Assert.Equal(expected, BreakEvenSolver.FirstCheaper(new Line(a1, b1), new Line(a2, b2)));
}
