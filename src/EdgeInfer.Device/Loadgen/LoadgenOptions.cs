using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// A load test: C concurrent closed-loop clients until R requests or a duration, like Triton's perf_analyzer. Each of
/// <see cref="Problems"/> starts with the property's camelCase name (hosts name their own flags).
/// </summary>
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
    public PruningFactor PruningFactor { get; init; }

    /// <summary>Pruning method (for pf above 0).</summary>
    public PruningMethod Method { get; init; } = PruningMethod.Global;

    /// <summary>The variant asked for: <see cref="Model"/> pruned with <see cref="Method"/> at <see cref="PruningFactor"/> (pf 0: the full model).</summary>
    public ModelVariant Variant => ModelVariant.Pruned(Model, Method, PruningFactor);

    /// <summary>Untimed requests per client before measuring. Default 1.</summary>
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

        return problems;
    }
}
