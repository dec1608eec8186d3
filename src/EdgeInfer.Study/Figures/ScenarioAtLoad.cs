using EdgeInfer.Core.Planning;

namespace EdgeInfer.Study.Figures;

/// <summary>A planner scenario at one edge load, and how its load-dependent times were obtained.</summary>
/// <param name="Scenario">The scenario to plan.</param>
/// <param name="EdgeFull">Kind of T_inf,e of the full model.</param>
/// <param name="EdgePruned">Kind of T_inf,e of the pruned model.</param>
/// <param name="Prune">Kind of T_pr.</param>
public sealed record ScenarioAtLoad(PlanningScenario Scenario, PointKind EdgeFull, PointKind EdgePruned, PointKind Prune)
{
    /// <summary>The kind of the least reliable load-dependent time that <paramref name="strategy"/>'s cost uses.</summary>
    public PointKind KindOf(Strategy strategy) => strategy switch
    {
        Strategy.EdgeFull => EdgeFull,
        Strategy.EdgePrepruned => EdgePruned,
        Strategy.EdgeOndemand => ModelCostInputs.Worst(EdgePruned, Prune),
        Strategy.DeviceOndemand => Prune,
        _ => PointKind.Measured,
    };

    /// <summary>Plans this scenario with the Core planner (Eqs. 1–6) at <paramref name="rates"/>.</summary>
    public PlanBuffer Plan(Core.Radio.LinkRates rates)
    {
        var buffer = default(PlanBuffer);
        OffloadPlanner.Plan(Scenario.ToInputs(), rates, ref buffer);
        return buffer;
    }
}
