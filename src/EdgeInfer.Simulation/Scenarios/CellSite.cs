namespace EdgeInfer.Simulation.Scenarios;

/// <summary>A base station with its co-located edge server, at a position in the plane (metres).</summary>
public sealed record CellSite
{
    /// <summary>Name, unique among the cells. Default "cell-0".</summary>
    public string Name { get; init; } = "cell-0";

    /// <summary>North coordinate (metres; negative allowed). Default 0.</summary>
    public double YMeters { get; init; }

    /// <summary>East coordinate in metres (negative allowed). Default 0.</summary>
    public double XMeters { get; init; }

    internal void AddProblems(List<string> problems, string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add($"{path}name must not be empty");
        }

        if (!double.IsFinite(XMeters) || !double.IsFinite(YMeters))
        {
            problems.Add($"{path}x/y = ({XMeters}, {YMeters}) must be finite");
        }
    }
}
