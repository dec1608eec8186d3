namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// Random-waypoint mobility: each device walks in a straight line to a uniformly drawn point of its area at a speed
/// drawn uniformly from [min, max], pauses, and repeats. Positions are read at each request; a device is served by the
/// strongest cell (lowest path loss) at that moment (handover), and its LOS state is redrawn when it has moved 50 m,
/// the LOS correlation distance of TR 38.901 UMi.
/// </summary>
public sealed record MobilityOptions
{
    /// <summary>Least walking speed, m/s. Default 0.5.</summary>
    public double MinSpeedMetersPerSecond { get; init; } = 0.5;

    /// <summary>Greatest speed, m/s. Default 1.5 (pedestrians).</summary>
    public double MaxSpeedMetersPerSecond { get; init; } = 1.5;

    /// <summary>Pause at each waypoint, seconds. Default 0.</summary>
    public double PauseSeconds { get; init; }

    internal void AddProblems(List<string> problems, string path)
    {
        if (!(MinSpeedMetersPerSecond > 0) || !(MaxSpeedMetersPerSecond >= MinSpeedMetersPerSecond) || !double.IsFinite(MaxSpeedMetersPerSecond))
        {
            problems.Add($"{path}minSpeedMetersPerSecond = {MinSpeedMetersPerSecond}, maxSpeedMetersPerSecond = {MaxSpeedMetersPerSecond}: need 0 < min ≤ max");
        }

        if (!(PauseSeconds >= 0) || !double.IsFinite(PauseSeconds))
        {
            problems.Add($"{path}pauseSeconds = {PauseSeconds} must be finite and ≥ 0");
        }
    }
}
