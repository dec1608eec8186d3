namespace EdgeInfer.Simulation.Scenarios;

/// <summary>How one device's requests arrive.</summary>
public sealed record ArrivalProcess
{
    /// <summary>The kind of process. Default Poisson.</summary>
    public ArrivalKind Kind { get; init; } = ArrivalKind.Poisson;

    /// <summary>Poisson: requests per second per device; on/off: the rate while on. Default 0.2.</summary>
    public double RatePerSecond { get; init; } = 0.2;

    /// <summary>On/off: mean length of a burst (exponential), seconds. Default 10.</summary>
    public double MeanOnSeconds { get; init; } = 10;

    /// <summary>On/off: mean silence between bursts (exponential), seconds. Default 50.</summary>
    public double MeanOffSeconds { get; init; } = 50;

    /// <summary>Trace: (arrival time in seconds from the start, index of the device within its class), any order.</summary>
    public IReadOnlyList<(double Seconds, int Device)> Trace { get; init; } = [];

    /// <summary>Long-run requests per second per device (for a trace: its count over its span, per device of the class).</summary>
    public double MeanRatePerSecond => Kind switch
    {
        ArrivalKind.OnOff => RatePerSecond * MeanOnSeconds / (MeanOnSeconds + MeanOffSeconds),
        _ => RatePerSecond,
    };

    internal void AddProblems(List<string> problems, string path, int devices)
    {
        if (!Enum.IsDefined(Kind))
        {
            problems.Add($"{path}kind = {Kind} is not one of poisson, on-off, trace");
            return;
        }

        if (Kind != ArrivalKind.Trace && (!(RatePerSecond > 0) || !double.IsFinite(RatePerSecond)))
        {
            problems.Add($"{path}ratePerSecond = {RatePerSecond} must be positive and finite");
        }

        if (Kind == ArrivalKind.OnOff && (!(MeanOnSeconds > 0) || !(MeanOffSeconds >= 0) || !double.IsFinite(MeanOnSeconds + MeanOffSeconds)))
        {
            problems.Add($"{path}meanOnSeconds = {MeanOnSeconds}, meanOffSeconds = {MeanOffSeconds}: need on > 0, off ≥ 0, finite");
        }

        if (Kind == ArrivalKind.Trace)
        {
            if (Trace.Count == 0)
            {
                problems.Add($"{path}trace has no arrivals");
            }

            foreach (var (seconds, device) in Trace)
            {
                if (!(seconds >= 0) || !double.IsFinite(seconds) || device < 0 || device >= devices)
                {
                    problems.Add(
                        $"{path}trace has an arrival ({seconds} s, device {device}) with a negative or non-finite time or a device outside 0…{devices - 1}");
                    break;
                }
            }
        }
    }
}
