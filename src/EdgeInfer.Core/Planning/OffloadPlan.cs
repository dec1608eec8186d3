using System.Globalization;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Planning;

/// <summary>A described plan: every option with its reasons, the choice (or null) with an explanation, and the break-even points.</summary>
public sealed record OffloadPlan(
    PlanningScenario Scenario,
    LinkRates Rates,
    IReadOnlyList<PlannedOption> Options,
    Strategy? Chosen,
    string Explanation,
    IReadOnlyList<BreakEven> BreakEvens)
{
    internal static OffloadPlan Describe(PlanningScenario scenario, LinkRates rates, in PlanBuffer buffer)
    {
        var options = new List<PlannedOption>(Strategies.Count);
        foreach (var strategy in Strategies.All)
        {
            var outcome = buffer.Outcome(strategy);
            options.Add(new PlannedOption(outcome, Reasons(scenario, outcome)));
        }

        var breakEvens = new List<BreakEven>(Strategies.DeviceCount);
        for (var i = Strategies.DeviceCount; i < Strategies.Count; i++)
        {
            breakEvens.Add(buffer.BreakEvenOf((Strategy)i));
        }

        return new OffloadPlan(scenario, rates, options, buffer.Chosen, Explain(scenario, options, buffer.Chosen), breakEvens);
    }

    private static List<string> Reasons(PlanningScenario scenario, StrategyOutcome outcome)
    {
        var reasons = new List<string>();
        var v = outcome.Violations;
        var variant = outcome.Strategy.UsesPrunedModel() ? scenario.Model.Pruned : scenario.Model.Full;
        var which = outcome.Strategy.UsesPrunedModel() ? "pruned" : "full";
        var c = scenario.Constraints;
        if (v.HasFlag(ConstraintViolations.Top1))
        {
            reasons.Add(variant.Top1 is { } t
                ? $"top1 {F(t)} of the {which} model < minTop1 {F(c.MinTop1!.Value)}"
                : $"top1 of the {which} model is unknown (minTop1 {F(c.MinTop1!.Value)})");
        }

        if (v.HasFlag(ConstraintViolations.Top5))
        {
            reasons.Add(variant.Top5 is { } t
                ? $"top5 {F(t)} of the {which} model < minTop5 {F(c.MinTop5!.Value)}"
                : $"top5 of the {which} model is unknown (minTop5 {F(c.MinTop5!.Value)})");
        }

        if (v.HasFlag(ConstraintViolations.CycleDelay))
        {
            reasons.Add($"cycle delay {F(outcome.CycleDelay.Value)} s > maxCycleDelaySeconds {F(c.MaxCycleDelay!.Value.Value)} s");
        }

        if (v.HasFlag(ConstraintViolations.Battery))
        {
            var battery = scenario.Device.Battery!.Value;
            reasons.Add($"device energy {F(outcome.DeviceEnergy.Value)} J > battery {F(Conversions.ToJoules(battery).Value)} J ({F(battery.Value)} Wh)");
        }

        return reasons;
    }

    private static string Explain(PlanningScenario scenario, List<PlannedOption> options, Strategy? chosen)
    {
        if (chosen is not { } best)
        {
            var failing = options.Select(o => $"{o.Outcome.Strategy.Name()}: {string.Join(", ", o.Reasons)}");
            return "No strategy meets every constraint. " + string.Join("; ", failing) + ".";
        }

        var outcome = options[(int)best].Outcome;
        var feasible = options.Count(o => o.Outcome.Feasible);
        var (what, value) = scenario.Objective switch
        {
            Objective.Energy => ("device energy", F(outcome.DeviceEnergy.Value) + " J"),
            Objective.Data => ("exchanged data", outcome.ExchangedData.Value.ToString(CultureInfo.InvariantCulture) + " B"),
            _ => ("lifetime delay", F(outcome.LifetimeDelay.Value) + " s"),
        };
        return $"{best.Name()} has the lowest {what} ({value} for Q = {scenario.Workload.Requests}) of the {feasible} feasible strategies.";
    }

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
