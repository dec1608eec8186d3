namespace EdgeInfer.Simulation.Scenarios;

/// <summary>Where the devices are placed, around each cell or from a trace, and how they move.</summary>
public sealed record DeviceLayout
{
    /// <summary>How positions are drawn. Default a disc.</summary>
    public DevicePlacement Placement { get; init; } = DevicePlacement.Disc;

    /// <summary>Number of devices in the whole scenario (spread evenly over the cells; a trace gives its own). Default 100.</summary>
    public int Count { get; init; } = 100;

    /// <summary>Annulus: the inner radius around each cell, metres (disc: 0). Default 10 m (TR 38.901 UMi's d2D ≥ 10 m).</summary>
    public double InnerRadiusMeters { get; init; } = 10;

    /// <summary>Disc/annulus: the outer radius around each cell, metres. Default 200 m.</summary>
    public double OuterRadiusMeters { get; init; } = 200;

    /// <summary>Grid: distance between neighbouring devices, metres. Default 20 m.</summary>
    public double GridSpacingMeters { get; init; } = 20;

    /// <summary>Trace: absolute positions (x, y) in metres, one per device; the CLI reads them from a CSV file.</summary>
    public IReadOnlyList<(double XMeters, double YMeters)> Trace { get; init; } = [];

    /// <summary>Random-waypoint mobility, or null (default) for static devices.</summary>
    public MobilityOptions? Mobility { get; init; }

    internal void AddProblems(List<string> problems, string path)
    {
        if (!Enum.IsDefined(Placement))
        {
            problems.Add($"{path}placement = {Placement} is not one of disc, annulus, grid, trace");
        }

        if (Placement == DevicePlacement.Trace)
        {
            if (Trace.Count == 0)
            {
                problems.Add($"{path}trace has no positions");
            }
            else if (Trace.Any(p => !double.IsFinite(p.XMeters) || !double.IsFinite(p.YMeters)))
            {
                problems.Add($"{path}trace has a position that is not finite");
            }
        }
        else if (Count is < 1 or > 100_000_000)
        {
            problems.Add($"{path}count = {Count} must be between 1 and 100000000");
        }

        if (!(InnerRadiusMeters >= 0) || !(OuterRadiusMeters > InnerRadiusMeters) || !double.IsFinite(OuterRadiusMeters))
        {
            problems.Add($"{path}innerRadiusMeters = {InnerRadiusMeters}, outerRadiusMeters = {OuterRadiusMeters}: need 0 ≤ inner < outer, finite");
        }

        if (!(GridSpacingMeters > 0) || !double.IsFinite(GridSpacingMeters))
        {
            problems.Add($"{path}gridSpacingMeters = {GridSpacingMeters} must be positive and finite");
        }

        Mobility?.AddProblems(problems, $"{path}mobility.");
    }

    /// <summary>The number of devices this layout places.</summary>
    public int DeviceCount => Placement == DevicePlacement.Trace ? Trace.Count : Count;
}
