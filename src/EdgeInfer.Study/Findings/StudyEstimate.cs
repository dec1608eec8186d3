using EdgeInfer.Study.Config;
using EdgeInfer.Study.Figures;

namespace EdgeInfer.Study.Findings;

/// <summary>How long another preset would take on this machine, from this run's measured (and fitted) edge times.</summary>
public static class StudyEstimate
{
    /// <summary>
    /// A lower bound on the edge phase of <paramref name="target"/> (the longest phase by far): for every model and load,
    /// (warm-ups + samples)·(T_inf,e full + T_inf,e pruned) + prunings·T_pr, with the times read from this run's curves
    /// (extrapolated with the processor-sharing fit beyond the measured loads); with derived prune timing, one build at the
    /// lowest load only. Session opening and the start of the background tasks are not counted.
    /// </summary>
    public static double EdgePhaseSeconds(StudyConfig target, IReadOnlyList<ModelCostInputs> models)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(models);
        var total = 0.0;
        var derived = target.EffectivePruneTiming == PruneTiming.Derived;
        var lowest = target.EdgeLoads.Min();
        foreach (var model in models)
        {
            foreach (var load in target.EdgeLoads)
            {
                var variants = model.Scenario(load, 1).Scenario.Model;
                total += (target.WarmupRuns + target.Samples) * (variants.Full.EdgeInference.Value + variants.Pruned.EdgeInference.Value);
                total += !derived ? target.PruneSamples * model.PruneAt(load).Seconds : load == lowest ? model.PruneAt(load).Seconds : 0;
            }
        }

        return total;
    }
}
