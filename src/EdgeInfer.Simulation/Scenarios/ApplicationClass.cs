using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// A class of applications: the share of devices running it, the accuracy and deadline it needs, how its requests
/// arrive, the model lifetime Q and the battery of its devices. Each device of the class asks for one model of the
/// catalog, drawn by its Zipf popularity.
/// </summary>
public sealed record ApplicationClass
{
    /// <summary>Name, for the outputs. Default "default".</summary>
    public string Name { get; init; } = "default";

    /// <summary>Share of the devices in (0, 1]; the classes' shares sum to 1. Default 1.</summary>
    public double Share { get; init; } = 1;

    /// <summary>Least Top-1 accuracy in [0, 1] of the variant that serves a request, or null (default) for any.</summary>
    public double? MinTop1 { get; init; }

    /// <summary>A request later than this end to end counts as a deadline miss; null (default): no deadline.</summary>
    public Seconds? Deadline { get; init; }

    /// <summary>How each device's requests arrive. Default Poisson, 0.2 requests per second.</summary>
    public ArrivalProcess Arrivals { get; init; } = new();

    /// <summary>Q: requests one downloaded model serves before it is retrained (the device then needs it again). Default 50.</summary>
    public long RequestsPerLifetime { get; init; } = 50;

    /// <summary>Battery of each device, or null (default) for none; a device whose battery is spent stops (a depletion).</summary>
    public WattHours? Battery { get; init; }

    internal void AddProblems(List<string> problems, string path, int devices)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add($"{path}name must not be empty");
        }

        if (!(Share > 0) || Share > 1)
        {
            problems.Add($"{path}share = {Share} must be in (0, 1]");
        }

        if (MinTop1 is { } t && !(t is >= 0 and <= 1))
        {
            problems.Add($"{path}minTop1 = {t} must be in [0, 1]");
        }

        if (Deadline is { Value: <= 0 } d)
        {
            problems.Add($"{path}deadlineSeconds = {d.Value} must be positive");
        }

        if (RequestsPerLifetime is < 1 or > 1_000_000_000)
        {
            problems.Add($"{path}requestsPerLifetime = {RequestsPerLifetime} must be between 1 and 10^9");
        }

        if (Battery is { Value: <= 0 } b)
        {
            problems.Add($"{path}batteryWh = {b.Value} must be positive");
        }

        Arrivals.AddProblems(problems, $"{path}arrivals.", devices);
    }
}
