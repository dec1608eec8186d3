using System.Globalization;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Study.Figures;

namespace EdgeInfer.Study.Findings;

/// <summary>
/// Planner decisions for a few representative scenarios per model: idle and loaded edge, Q = 1, 50 and the largest Q; each
/// under the accuracy minimum of its <see cref="ModelCostInputs.Accuracy"/>, with the Top-1 of the chosen variant.
/// </summary>
public static class StudyDecisions
{
    /// <summary>One decision per (model, load ∈ {0, highest measured, plotted maximum}, Q ∈ {1, 50, maxRequests}).</summary>
    public static IReadOnlyList<PlannerDecision> Compute(IReadOnlyList<ModelCostInputs> models, LinkRates rates, int maxRequests)
    {
        ArgumentNullException.ThrowIfNull(models);
        var decisions = new List<PlannerDecision>();
        foreach (var model in models)
        {
            foreach (var load in new[] { 0, model.MaxMeasuredLoad, model.MaxLoad }.Distinct())
            {
                foreach (var q in new long[] { 1, 50, maxRequests }.Distinct())
                {
                    var at = model.Scenario(load, q);
                    var latency = OffloadPlanner.Plan(at.Scenario, rates);
                    var energy = OffloadPlanner.Plan(at.Scenario with { Objective = Objective.Energy }, rates);
                    var kind = ModelCostInputs.Worst(ModelCostInputs.Worst(at.EdgeFull, at.EdgePruned), at.Prune);
                    decisions.Add(new PlannerDecision(
                        model.Model,
                        load,
                        q,
                        kind.ToString().ToLowerInvariant(),
                        latency.Chosen?.Name() ?? "none",
                        energy.Chosen?.Name() ?? "none",
                        Accuracy(model, latency.Chosen),
                        latency.Explanation));
                }
            }
        }

        return decisions;
    }

    /// <summary>"12.0 % (proxy resnet18-fmnist/channel-0.70)": Top-1 of the variant <paramref name="chosen"/> uses, and its source.</summary>
    private static string Accuracy(ModelCostInputs model, Strategy? chosen)
    {
        if (chosen is not { } strategy)
        {
            return "–";
        }

        var variant = strategy.UsesPrunedModel() ? model.Measured.Pruned.Spec : model.Measured.Full.Spec;
        var proxy = strategy.UsesPrunedModel() ? model.Accuracy?.Pruned : model.Accuracy?.Full;
        return proxy is null
            ? $"not known ({variant.Name}; no accuracy model)"
            : string.Create(CultureInfo.InvariantCulture, $"{proxy.Top1 * 100:0.0} % (proxy {proxy.Variant})");
    }
}
