using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// A load test until a number of requests or a duration: C concurrent closed-loop clients, like Triton's perf_analyzer, or
/// (<see cref="Arrivals"/> = <see cref="LoadgenArrivals.Poisson"/>) K devices sending open-loop Poisson arrivals of R
/// requests per second each. Each of <see cref="Problems"/> starts with the property's camelCase name (hosts name their own flags).
/// </summary>
public sealed record LoadgenOptions
{
    /// <summary>The edge URL (HTTP load); null for an in-process target (<see cref="LoadGenerator.MeasureAsync"/>).</summary>
    public Uri? Edge { get; init; }

    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>Largest number of requests an open-loop schedule may hold (its arrays are sized up front).</summary>
    public const int MaxScheduledRequests = 10_000_000;

    /// <summary>How requests arrive. Default <see cref="LoadgenArrivals.Closed"/>.</summary>
    public LoadgenArrivals Arrivals { get; init; } = LoadgenArrivals.Closed;

    /// <summary>Concurrent clients, in [1, 4096] (closed loop only; stays 1 with Poisson arrivals).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Total requests (exclusive with <see cref="Duration"/>).</summary>
    public int? Requests { get; init; }

    /// <summary>How long to send (exclusive with <see cref="Requests"/>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Pruning factor (0: full model).</summary>
    public PruningFactor PruningFactor { get; init; }

    /// <summary>Pruning method (for pf above 0).</summary>
    public PruningMethod Method { get; init; } = PruningMethod.Global;

    /// <summary>The variant asked for: <see cref="Model"/> pruned with <see cref="Method"/> at <see cref="PruningFactor"/> (pf 0: the full model).</summary>
    public ModelVariant Variant => ModelVariant.Pruned(Model, Method, PruningFactor);

    /// <summary>K: simulated devices, in [1, 4096] (Poisson arrivals only, where it is required).</summary>
    public int? Devices { get; init; }

    /// <summary>R: requests per second per device, finite and above 0 (Poisson arrivals only, where it is required); total rate K·R.</summary>
    public double? RatePerDevicePerSecond { get; init; }

    /// <summary>Seed of the arrival schedule (Poisson arrivals): the same seed, K, R and limit give the same schedule. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Untimed requests per client (per device with Poisson arrivals) before measuring. Default 1.</summary>
    public int WarmupPerClient { get; init; } = 1;

    /// <summary>Checks every field; one message lists every problem.</summary>
    public LoadgenOptions Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
    }

    /// <summary>Every problem, each starting with the property's camelCase name (<c>concurrency 0 is outside [1, 4096]</c>); empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Concurrency is < 1 or > 4096)
        {
            problems.Add($"concurrency {Concurrency} is outside [1, 4096]");
        }

        if ((Requests is null) == (Duration is null))
        {
            problems.Add("requests or duration: give exactly one");
        }

        if (Requests is < 1)
        {
            problems.Add($"requests {Requests} must be at least 1");
        }

        if (Duration is { } d && d <= TimeSpan.Zero)
        {
            problems.Add($"duration {d} must be positive");
        }

        if (Arrivals == LoadgenArrivals.Poisson)
        {
            AddPoissonProblems(problems);
        }
        else if (!Enum.IsDefined(Arrivals))
        {
            problems.Add($"arrivals {Arrivals} is not one of closed, poisson");
        }
        else if (Devices is not null || RatePerDevicePerSecond is not null)
        {
            problems.Add("devices and ratePerDevicePerSecond are for arrivals poisson only");
        }

        return problems;
    }

    private void AddPoissonProblems(List<string> problems)
    {
        if (Concurrency != 1)
        {
            problems.Add($"concurrency {Concurrency} is for arrivals closed; arrivals poisson takes devices instead");
        }

        if (Devices is not { } k)
        {
            problems.Add("arrivals poisson needs devices (how many devices send)");
        }
        else if (k is < 1 or > 4096)
        {
            problems.Add($"devices {k} is outside [1, 4096]");
        }

        if (RatePerDevicePerSecond is not { } r)
        {
            problems.Add("arrivals poisson needs ratePerDevicePerSecond (requests per second per device)");
        }
        else if (!(r > 0) || !double.IsFinite(r))
        {
            problems.Add(FormattableString.Invariant($"ratePerDevicePerSecond {r} must be finite and above 0"));
        }

        if (Requests is > MaxScheduledRequests)
        {
            problems.Add($"requests {Requests} is more than {MaxScheduledRequests} for arrivals poisson");
        }
        else if (Requests is null && Duration is { } d && d > TimeSpan.Zero && Devices is { } n && n >= 1
            && RatePerDevicePerSecond is { } rate && rate > 0 && double.IsFinite(rate) && n * rate * d.TotalSeconds > MaxScheduledRequests)
        {
            problems.Add(FormattableString.Invariant(
                $"devices × ratePerDevicePerSecond × duration = {n * rate * d.TotalSeconds:0} requests is more than {MaxScheduledRequests}"));
        }
    }
}
