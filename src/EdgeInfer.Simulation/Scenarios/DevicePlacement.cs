namespace EdgeInfer.Simulation.Scenarios;

/// <summary>How device positions are drawn.</summary>
public enum DevicePlacement
{
    /// <summary>Uniform over the disc of radius outerRadiusMeters around each cell (at least 1 m from the mast).</summary>
    Disc,

    /// <summary>Uniform over the annulus innerRadiusMeters … outerRadiusMeters around each cell.</summary>
    Annulus,

    /// <summary>A square grid of spacing gridSpacingMeters centred on each cell, clipped to outerRadiusMeters.</summary>
    Grid,

    /// <summary>Positions given one per device (a CSV file of x,y in metres).</summary>
    Trace,
}
