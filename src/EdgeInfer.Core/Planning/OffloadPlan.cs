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
        var pruned = outcome.Strategy.UsesPrunedModel();
        var c = scenario.Constraints;
        reasons.AddRange(AccuracyReasons(pruned ? scenario.Model.Pruned : scenario.Model.Full, pruned, v, c));

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
        return $"{best.Name()} has the lowest {what} ({value} for Q = {scenario.Workload.Requests}) of the {feasible} feasible strategies."
            + RuledOutByAccuracy(scenario, options);
    }

    /// <summary>
    /// One sentence naming each model variant whose strategies the accuracy minimum ruled out (none: empty), so that the
    /// explanation of a choice says why a faster variant was not taken:
    /// " Ruled out by accuracy: the pruned model channel-0.30 (top1 0.311 &lt; minTop1 0.8)."
    /// </summary>
    private static string RuledOutByAccuracy(PlanningScenario scenario, List<PlannedOption> options)
    {
        const ConstraintViolations accuracy = ConstraintViolations.Top1 | ConstraintViolations.Top5;
        var ruledOut = new List<string>(2);
        foreach (var pruned in new[] { false, true })
        {
            var violations = options.Where(o => o.Outcome.Strategy.UsesPrunedModel() == pruned)
                .Aggregate(ConstraintViolations.None, (all, o) => all | (o.Outcome.Violations & accuracy));
            if (violations != ConstraintViolations.None)
            {
                var variant = pruned ? scenario.Model.Pruned : scenario.Model.Full;
                var why = AccuracyFailures(variant, violations, scenario.Constraints).Select(f => f.Value is { } value
                    ? $"{f.Metric} {F(value)} < {f.Limit} {F(f.Minimum)}"
                    : $"{f.Metric} unknown, {f.Limit} {F(f.Minimum)}");
                ruledOut.Add($"{Which(variant, pruned)} ({string.Join(", ", why)})");
            }
        }

        return ruledOut.Count == 0 ? "" : " Ruled out by accuracy: " + string.Join("; ", ruledOut) + ".";
    }

    /// <summary>"top1 0.311 of the pruned model channel-0.30 &lt; minTop1 0.8" for each accuracy minimum <paramref name="v"/> violates.</summary>
    private static IEnumerable<string> AccuracyReasons(ModelVariantCosts variant, bool pruned, ConstraintViolations v, PlanningConstraints c) =>
        AccuracyFailures(variant, v, c).Select(f => f.Value is { } value
            ? $"{f.Metric} {F(value)} of {Which(variant, pruned)} < {f.Limit} {F(f.Minimum)}"
            : $"{f.Metric} of {Which(variant, pruned)} is unknown ({f.Limit} {F(f.Minimum)})");

    /// <summary>The accuracy minima <paramref name="v"/> violates: metric, the variant's value (null: unknown), the constraint and its minimum.</summary>
    private static IEnumerable<(string Metric, double? Value, string Limit, double Minimum)> AccuracyFailures(
        ModelVariantCosts variant, ConstraintViolations v, PlanningConstraints c)
    {
        if (v.HasFlag(ConstraintViolations.Top1))
        {
            yield return ("top1", variant.Top1, "minTop1", c.MinTop1!.Value);
        }

        if (v.HasFlag(ConstraintViolations.Top5))
        {
            yield return ("top5", variant.Top5, "minTop5", c.MinTop5!.Value);
        }
    }

    /// <summary>"the pruned model channel-0.30", or "the full model" when the variant has no name.</summary>
    private static string Which(ModelVariantCosts variant, bool pruned) =>
        $"the {(pruned ? "pruned" : "full")} model" + (variant.Variant is { } name ? " " + name : "");

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
