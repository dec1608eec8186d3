using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// The paper's rule per request: Core's <see cref="OffloadPlanner"/> (Eqs. 1–6, constraints, objective) fed with the
/// live figures of this request: Q = requests left in the device's lifetime, the device's own Shannon rates, its
/// battery left, and the edge times under the edge's current load (idle times × S(jobs now)). "The pruned model" is the
/// lightest accurate variant. The store's state picks the pair of pruned strategies that exist now: prepruned when the
/// variant is stored, on demand when not. Among those the best feasible one under the objective (ties: lower lifetime
/// delay); none feasible: the lowest lifetime delay. Blind to the radio sharing, the store's future and other devices.
/// </summary>
public sealed class PaperRulePolicy : IPlacementPolicy
{
    private readonly Dictionary<int, PlanningInputs> inputs = [];

    /// <inheritdoc />
    public string Name => "paper";

    /// <inheritdoc />
    public Placement Decide(in DecisionContext context)
    {
        var pruned = context.LightestAccurateVariant();
        if (!inputs.TryGetValue(context.ClassModelKey, out var baseInputs) || baseInputs.Scenario!.Model.Pruned.Variant != context.ToVariantName(pruned))
        {
            baseInputs = context.ToPlanningScenario(pruned).ToInputs();
            inputs[context.ClassModelKey] = baseInputs;
        }

        var slowdown = context.EdgeSlowdown(context.EdgeJobs);
        var battery = context.BatteryJoulesLeft;
        var live = baseInputs.WithLive(
            context.RequestsLeft,
            new Seconds(context.EdgeSeconds(0) * slowdown),
            new Seconds(context.EdgeSeconds(pruned) * slowdown),
            new Seconds(context.PruneSeconds(pruned) * slowdown),
            double.IsPositiveInfinity(battery) ? null : new Joules(Math.Max(0, battery)));
        var rates = new LinkRates(new BitsPerSecond(context.UplinkBitsPerSecond), new BitsPerSecond(context.DownlinkBitsPerSecond));
        var buffer = default(PlanBuffer);
        OffloadPlanner.Plan(live, rates, ref buffer);

        var stored = context.IsAvailable(pruned);
        var best = Choose(buffer, context.Objective, stored, feasibleOnly: true) ?? Choose(buffer, context.Objective, stored, feasibleOnly: false)!.Value;
        return new Placement(best.RunsAtEdge() ? PlacementSite.Edge : PlacementSite.Device, best.UsesPrunedModel() ? pruned : 0);
    }

    private static Strategy? Choose(in PlanBuffer buffer, Objective objective, bool stored, bool feasibleOnly)
    {
        Strategy? chosen = null;
        double bestScore = double.PositiveInfinity, bestDelay = double.PositiveInfinity;
        for (var i = 0; i < Strategies.Count; i++)
        {
            var strategy = (Strategy)i;
            var exists = !strategy.UsesPrunedModel() || strategy.PrunesOnDemand() != stored;
            var outcome = buffer.Outcome(strategy);
            if (!exists || (feasibleOnly && !outcome.Feasible))
            {
                continue;
            }

            var delay = outcome.LifetimeDelay.Value;
            var score = objective switch
            {
                Objective.Energy => outcome.DeviceEnergy.Value,
                Objective.Data => outcome.ExchangedData.Value,
                _ => delay,
            };
            if (score < bestScore || (score == bestScore && delay < bestDelay))
            {
                (chosen, bestScore, bestDelay) = (strategy, score, delay);
            }
        }

        return chosen;
    }
}
