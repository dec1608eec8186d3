using EdgeInfer.Core.Planning;

namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// Always the same site and kind of variant: the full model, or "the pruned model" (the lightest variant that meets the
/// class's accuracy, <see cref="DecisionContext.LightestAccurateVariant"/>). Whether a pruned variant is prepruned or
/// pruned on demand is the store's state, not the policy's choice.
/// </summary>
public sealed class FixedPolicy(string name, PlacementSite site, bool pruned) : IPlacementPolicy
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The policy that follows one of the paper's six strategies (the store decides prepruned vs on demand).</summary>
    public static FixedPolicy For(Strategy strategy) =>
        new(strategy.Name(), strategy.RunsAtEdge() ? PlacementSite.Edge : PlacementSite.Device, strategy.UsesPrunedModel());

    /// <inheritdoc />
    public Placement Decide(in DecisionContext context) => new(site, pruned ? context.LightestAccurateVariant() : 0);
}
