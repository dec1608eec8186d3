using EdgeInfer.Core;

namespace EdgeInfer.Device.Loadgen;

/// <summary>A load test: C concurrent closed-loop clients until R requests or a duration, like Triton's perf_analyzer.</summary>
public sealed record LoadgenOptions
{
    /// <summary>The edge URL (HTTP load); null for an in-process target (<see cref="LoadGenerator.MeasureAsync"/>).</summary>
    public Uri? Edge { get; init; }

    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>Concurrent clients, in [1, 4096].</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Total requests (exclusive with <see cref="Duration"/>).</summary>
    public int? Requests { get; init; }

    /// <summary>How long to send (exclusive with <see cref="Requests"/>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Pruning factor (0: full model).</summary>
    public double PruningFactor { get; init; }

    /// <summary>Pruning method.</summary>
    public string Method { get; init; } = "global";

    /// <summary>Untimed requests per client before measuring. Default 1.</summary>
    public int WarmupPerClient { get; init; } = 1;

    /// <summary>Checks every field; one message lists every problem.</summary>
    public LoadgenOptions Validated()
    {
        var problems = new List<string>();
        if (Concurrency is < 1 or > 4096)
        {
            problems.Add($"--concurrency {Concurrency} is outside [1, 4096]");
        }

        if ((Requests is null) == (Duration is null))
        {
            problems.Add("give exactly one of --requests and --duration");
        }

        if (Requests is < 1)
        {
            problems.Add($"--requests {Requests} must be at least 1");
        }

        if (Duration is { } d && d <= TimeSpan.Zero)
        {
            problems.Add($"--duration {d} must be positive");
        }

        if (PruningFactor is < 0 or > 0.99 || double.IsNaN(PruningFactor))
        {
            problems.Add($"--pf {PruningFactor} is outside [0, 0.99]");
        }

        return problems.Count == 0 ? this : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
    }
}
