using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// A soak (long open-loop run with a <see cref="SoakMix"/>) or an overload test (<see cref="SoakMix.InferenceOnly"/> at a
/// multiple of capacity): Poisson arrivals at <see cref="RatePerSecond"/> for <see cref="Duration"/>, summarised per
/// <see cref="Window"/>, while the server's RSS (<see cref="ServerPid"/>) and <c>/v1/status</c> queue are sampled every
/// <see cref="ProbeInterval"/>. Each of <see cref="Problems"/> starts with the property's camelCase name.
/// </summary>
public sealed record SoakOptions
{
    /// <summary>The edge URL.</summary>
    public required Uri Edge { get; init; }

    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>Total arrival rate, requests per second, finite and above 0.</summary>
    public required double RatePerSecond { get; init; }

    /// <summary>How long requests arrive.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Length of one summary window. Default 30 s.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time after the start excluded from the drift and flatness verdicts (JIT, caches, pools). Default 5 min.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the server's RSS and queue are sampled. Default 1 s.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The server's process id on this machine (its RSS is read from <c>/proc/PID/status</c>), or null for no RSS.</summary>
    public int? ServerPid { get; init; }

    /// <summary>The request kinds' shares. Default <see cref="SoakMix.Realistic"/>.</summary>
    public SoakMix Mix { get; init; } = SoakMix.Realistic;

    /// <summary>The pruning factors prunes and cache deletions pick from (above 0). Default 0.25, 0.5, 0.75.</summary>
    public IReadOnlyList<PruningFactor> PruneGrid { get; init; } = [PruningFactor.Parse("0.25"), PruningFactor.Parse("0.5"), PruningFactor.Parse("0.75")];

    /// <summary>Measured capacity, inferences per second (the overload verdict compares goodput with it), or null.</summary>
    public double? CapacityPerSecond { get; init; }

    /// <summary>Seed of the arrivals and of the kinds. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Checks every field; one message lists every problem.</summary>
    public SoakOptions Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
    }

    /// <summary>Every problem, each starting with the property's camelCase name; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(RatePerSecond > 0) || !double.IsFinite(RatePerSecond))
        {
            problems.Add(FormattableString.Invariant($"ratePerSecond {RatePerSecond} must be finite and above 0"));
        }
        else if (RatePerSecond * Duration.TotalSeconds > LoadgenOptions.MaxScheduledRequests)
        {
            problems.Add(FormattableString.Invariant(
                $"ratePerSecond × duration = {RatePerSecond * Duration.TotalSeconds:0} requests is more than {LoadgenOptions.MaxScheduledRequests}"));
        }

        if (Duration <= TimeSpan.Zero)
        {
            problems.Add($"duration {Duration} must be positive");
        }

        if (Window <= TimeSpan.Zero || Window > Duration)
        {
            problems.Add($"window {Window} must be positive and at most the duration");
        }

        if (Warmup < TimeSpan.Zero || Warmup >= Duration)
        {
            problems.Add($"warmup {Warmup} must be at least 0 and shorter than the duration");
        }

        if (ProbeInterval <= TimeSpan.Zero)
        {
            problems.Add($"probeInterval {ProbeInterval} must be positive");
        }

        if (ServerPid is < 1)
        {
            problems.Add($"serverPid {ServerPid} must be a process id");
        }

        problems.AddRange(Mix.Problems());
        if ((Mix.Prune > 0 || Mix.CacheDelete > 0) && (PruneGrid.Count == 0 || PruneGrid.Any(pf => pf.Value <= 0)))
        {
            problems.Add("pruneGrid must hold at least one pf above 0 when the mix prunes");
        }

        if (CapacityPerSecond is { } c && (!(c > 0) || !double.IsFinite(c)))
        {
            problems.Add(FormattableString.Invariant($"capacityPerSecond {c} must be finite and above 0"));
        }

        return problems;
    }
}
