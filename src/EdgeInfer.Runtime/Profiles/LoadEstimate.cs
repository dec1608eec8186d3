namespace EdgeInfer.Runtime.Profiles;

/// <summary>How an edge time at a load was obtained.</summary>
public enum LoadEstimateKind
{
    /// <summary>The load was measured; its median is used.</summary>
    Measured,

    /// <summary>Linear interpolation between the two nearest measured loads.</summary>
    Interpolated,

    /// <summary>Outside the measured loads: the <see cref="ProcessorSharingFit"/>.</summary>
    Extrapolated,
}
