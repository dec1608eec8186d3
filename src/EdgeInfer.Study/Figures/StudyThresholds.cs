using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Study.Figures;

/// <summary>Computes <see cref="ModelThresholds"/> with the Core planner at every whole load and from its break-even solver.</summary>
public static class StudyThresholds
{
    private static readonly Strategy[] DeviceStrategies = [Strategy.DeviceFull, Strategy.DevicePrepruned, Strategy.DeviceOndemand];
    private static readonly Strategy[] EdgeStrategies = [Strategy.EdgeFull, Strategy.EdgePrepruned, Strategy.EdgeOndemand];

    /// <summary>The thresholds of every model.</summary>
    public static IReadOnlyList<ModelThresholds> Compute(IReadOnlyList<ModelCostInputs> models, LinkRates rates)
    {
        ArgumentNullException.ThrowIfNull(models);
        return models.Select(m => Compute(m, rates)).ToArray();
    }

    /// <summary>The thresholds of one model.</summary>
    public static ModelThresholds Compute(ModelCostInputs model, LinkRates rates)
    {
        ArgumentNullException.ThrowIfNull(model);
        LoadCrossing? full = null, pruned = null, best = null;
        for (var load = 0; load <= model.MaxLoad && (full is null || pruned is null || best is null); load++)
        {
            var at = model.Scenario(load, 1);
            var plan = at.Plan(rates);
            double Cycle(Strategy s) => plan.Outcome(s).CycleDelay.Value;
            if (full is null && Cycle(Strategy.DeviceFull) < Cycle(Strategy.EdgeFull))
            {
                full = new LoadCrossing(load, at.EdgeFull);
            }

            if (pruned is null && Cycle(Strategy.DevicePrepruned) < Cycle(Strategy.EdgePrepruned))
            {
                pruned = new LoadCrossing(load, at.EdgePruned);
            }

            if (best is null && DeviceStrategies.Min(Cycle) < EdgeStrategies.Min(Cycle))
            {
                best = new LoadCrossing(load, ModelCostInputs.Worst(ModelCostInputs.Worst(at.EdgeFull, at.EdgePruned), at.Prune));
            }
        }

        return new ModelThresholds
        {
            Model = model.Model,
            FullLoad = full,
            PrunedLoad = pruned,
            BestLoad = best,
            MaxMeasuredLoad = model.MaxMeasuredLoad,
            AtLoadZero = BreakEvens(model, 0, rates),
            AtMaxMeasuredLoad = BreakEvens(model, model.MaxMeasuredLoad, rates),
        };
    }

    private static BreakEven[] BreakEvens(ModelCostInputs model, int load, LinkRates rates)
    {
        var plan = model.Scenario(load, 1).Plan(rates);
        return DeviceStrategies.Select(plan.BreakEvenOf).ToArray();
    }
}
