using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// Decides edge or device, full or pruned: a pure function of (scenario, link rates). Evaluates the six strategies
/// with <see cref="CostModel"/>, applies the constraints, picks the best feasible one under the objective
/// (ties: lower lifetime delay, then report order) and solves the break-even Q of each device-* strategy against edge-full.
/// </summary>
public static class OffloadPlanner
{
    /// <summary>Hot path: plans into <paramref name="result"/> without allocating.</summary>
    /// <exception cref="ArgumentException">Default inputs, or a rate that is not positive.</exception>
    public static void Plan(in PlanningInputs inputs, LinkRates rates, ref PlanBuffer result)
    {
        CheckArguments(inputs, rates);
        var q = inputs.Requests;
        var edgeFull = CostModel.Costs(inputs, Strategy.EdgeFull, rates);
        Strategy? chosen = null;
        double bestScore = double.PositiveInfinity, bestDelay = double.PositiveInfinity;
        for (var i = 0; i < Strategies.Count; i++)
        {
            var strategy = (Strategy)i;
            var costs = i == 0 ? edgeFull : CostModel.Costs(inputs, strategy, rates);
            var delay = costs.LifetimeDelaySeconds.At(q);
            var energy = costs.DeviceEnergyJoules.At(q);
            var data = strategy.RunsAtEdge()
                ? checked(inputs.EdgeExchangedBytesPerRequest * q)
                : inputs.RequestBytes + (strategy.UsesPrunedModel() ? inputs.Pruned : inputs.Full).SizeBytes;
            var violations = Violations(inputs, strategy, costs.CycleDelaySeconds, energy);
            result.SetOutcome(new StrategyOutcome(
                strategy,
                new Seconds(costs.CycleDelaySeconds),
                new Seconds(delay),
                new Joules(energy),
                new Joules(costs.EdgeEnergyJoules),
                new Bytes(data),
                violations));

            if (!strategy.RunsAtEdge())
            {
                result.SetBreakEven(new BreakEven(
                    strategy,
                    BreakEvenSolver.FirstCheaper(costs.LifetimeDelaySeconds, edgeFull.LifetimeDelaySeconds),
                    BreakEvenSolver.FirstCheaper(costs.DeviceEnergyJoules, edgeFull.DeviceEnergyJoules),
                    BreakEvenSolver.FirstCheaper(costs.ExchangedBytes, edgeFull.ExchangedBytes)));
            }

            if (violations != ConstraintViolations.None)
            {
                continue;
            }

            var score = inputs.Objective switch
            {
                Objective.Energy => energy,
                Objective.Data => data,
                _ => delay,
            };
            if (score < bestScore || (score == bestScore && delay < bestDelay))
            {
                (chosen, bestScore, bestDelay) = (strategy, score, delay);
            }
        }

        result.Chosen = chosen;
    }

    private static void CheckArguments(in PlanningInputs inputs, LinkRates rates)
    {
        if (inputs.Scenario is null)
        {
            throw new ArgumentException("PlanningInputs must come from PlanningScenario.ToInputs().", nameof(inputs));
        }

        if (!(rates.Uplink.Value > 0) || !(rates.Downlink.Value > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(rates), rates, "Both link rates must be positive to plan.");
        }
    }

    /// <summary>Validates <paramref name="scenario"/>, plans it and describes the result with reasons and an explanation.</summary>
    public static OffloadPlan Plan(PlanningScenario scenario, LinkRates rates)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var inputs = scenario.ToInputs();
        var buffer = default(PlanBuffer);
        Plan(inputs, rates, ref buffer);
        return OffloadPlan.Describe(scenario, rates, buffer);
    }

    private static ConstraintViolations Violations(in PlanningInputs inputs, Strategy strategy, double cycleSeconds, double energyJoules)
    {
        var variant = strategy.UsesPrunedModel() ? inputs.Pruned : inputs.Full;
        var v = ConstraintViolations.None;

        // NaN (unknown accuracy) fails a set minimum because the comparison is false.
        if (!double.IsNaN(inputs.MinTop1) && !(variant.Top1 >= inputs.MinTop1))
        {
            v |= ConstraintViolations.Top1;
        }

        if (!double.IsNaN(inputs.MinTop5) && !(variant.Top5 >= inputs.MinTop5))
        {
            v |= ConstraintViolations.Top5;
        }

        if (cycleSeconds > inputs.MaxCycleDelaySeconds)
        {
            v |= ConstraintViolations.CycleDelay;
        }

        if (energyJoules > inputs.BatteryJoules)
        {
            v |= ConstraintViolations.Battery;
        }

        return v;
    }
}
