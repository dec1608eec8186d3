namespace EdgeInfer.Study.Figures;

/// <summary>Where a plotted value comes from; plotted differently so that measured and extrapolated points are told apart.</summary>
public enum PointKind
{
    /// <summary>From measured inputs at a measured load (or from inputs that do not depend on the load).</summary>
    Measured,

    /// <summary>Edge times interpolated linearly between two measured loads.</summary>
    Interpolated,

    /// <summary>Edge times beyond the measured loads, from the processor-sharing fit.</summary>
    Extrapolated,
}
