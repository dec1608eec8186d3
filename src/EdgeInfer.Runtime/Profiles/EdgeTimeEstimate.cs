namespace EdgeInfer.Runtime.Profiles;

/// <summary>An edge inference (or pruning) time at a load, and how it was obtained.</summary>
/// <param name="Load">The load asked for (background tasks).</param>
/// <param name="Seconds">The time, seconds.</param>
/// <param name="Kind">Measured, interpolated or extrapolated.</param>
/// <param name="Fit">The processor-sharing fit used when extrapolated; null otherwise.</param>
public sealed record EdgeTimeEstimate(double Load, double Seconds, LoadEstimateKind Kind, ProcessorSharingFit? Fit)
{
    /// <summary>True when the value comes from the fit beyond the measured loads.</summary>
    public bool Extrapolated => Kind == LoadEstimateKind.Extrapolated;
}
