namespace EdgeInfer.Runtime.Profiles;

/// <summary>The edge-side times read from a profile at one load.</summary>
/// <param name="EdgeFull">Edge inference time of the full model.</param>
/// <param name="EdgePruned">Edge inference time of the pruned variant.</param>
/// <param name="Prune">Time to prune the full model into the variant at the edge.</param>
public sealed record ProfileEstimates(EdgeTimeEstimate EdgeFull, EdgeTimeEstimate EdgePruned, EdgeTimeEstimate Prune)
{
    /// <summary>True when any value comes from the processor-sharing fit beyond the measured loads.</summary>
    public bool Extrapolated => EdgeFull.Extrapolated || EdgePruned.Extrapolated || Prune.Extrapolated;
}
