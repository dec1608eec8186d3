using EdgeInfer.Core;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Shaping;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Execution;

/// <summary>
/// One <c>edgeinfer device</c> run. Validated once by <see cref="Validated"/>; each of <see cref="Problems"/> starts with
/// the property's camelCase name (hosts name their own flags).
/// </summary>
public sealed record DeviceRunRequest
{
    /// <summary>Strategy names accepted besides the six: <c>auto</c> (plan, then run the choice) and <c>all</c> (run all six).</summary>
    public static IReadOnlyList<string> ExtraStrategies { get; } = ["auto", "all"];

    /// <summary>The edge server URL.</summary>
    public required Uri Edge { get; init; }

    /// <summary>Model name at the edge.</summary>
    public required string Model { get; init; }

    /// <summary>Q, in [1, 100000].</summary>
    public int Requests { get; init; } = 10;

    /// <summary><c>auto</c>, <c>all</c> or a strategy name. Default auto.</summary>
    public string Strategy { get; init; } = "auto";

    /// <summary>Pruning factor of the pruned strategies, above 0 (0 is the full model). Default 0.7.</summary>
    public PruningFactor PruningFactor { get; init; } = PruningFactor.Of(0.7);

    /// <summary>Pruning method of the pruned strategies. Default global.</summary>
    public PruningMethod Method { get; init; } = PruningMethod.Global;

    /// <summary>
    /// The variant the pruned strategies use when it is of another kind than <see cref="Method"/> at
    /// <see cref="PruningFactor"/>: any variant of <see cref="Model"/> but the full one (<c>channel-ls+int8-macs0.50</c>,
    /// <c>int8</c>). Null (default): <see cref="Method"/> at <see cref="PruningFactor"/>.
    /// </summary>
    public ModelVariant? Variant { get; init; }

    /// <summary>
    /// The variant the pruned strategies use: <see cref="Variant"/>, else <see cref="Model"/> pruned with <see cref="Method"/>
    /// at <see cref="PruningFactor"/>.
    /// </summary>
    public ModelVariant PrunedVariant => Variant ?? ModelVariant.Pruned(Model, Method, PruningFactor);

    /// <summary>
    /// Format device strategies download pruned models in: <c>wire</c> (default; decoded on the device), <c>onnx</c>
    /// (dense, no decode) or <c>sparse-onnx</c> (COO, ORT loads it directly).
    /// </summary>
    public string PrunedFormat { get; init; } = "wire";

    /// <summary>The radio link (rates for planning and shaping).</summary>
    public RadioOptions Radio { get; init; } = RadioOptions.Default;

    /// <summary>Shape the HTTP traffic to the radio rates. Default true.</summary>
    public bool Shaping { get; init; } = true;

    /// <summary>A profile with device-role times (<c>edgeinfer profile --role device</c>), or null.</summary>
    public string? DeviceProfile { get; init; }

    /// <summary>Input file (JPEG/PNG or raw float32 tensor), or null for the synthetic tensor.</summary>
    public string? Input { get; init; }

    /// <summary>Device model cache folder.</summary>
    public string CacheRoot { get; init; } = DeviceModelCache.DefaultRoot;

    /// <summary>Faults the emulated link injects (drops, stalls, their seed). Default none.</summary>
    public LinkFaultOptions Faults { get; init; } = LinkFaultOptions.None;

    /// <summary>HTTP retries per request.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Intra-op threads of the device session. Default 1 (the paper's one-core device).</summary>
    public int DeviceThreads { get; init; } = 1;

    /// <summary>
    /// Repetitions of the strategies, in [1, 100]. Default 1. Above 1 each repetition starts from a fresh device cache with
    /// the edge's on-demand copy dropped, and the report adds per-strategy medians (<see cref="StrategySummary"/>).
    /// </summary>
    public int Repeat { get; init; } = 1;

    /// <summary>
    /// Measure the protocol overheads beyond the paper's model (per request, per download, the edge's session open) with
    /// probes before planning, and plan with them. Default true; false plans with the paper's terms only.
    /// </summary>
    public bool MeasureOverheads { get; init; } = true;

    /// <summary>
    /// Least Top-1 a variant must have (fraction in [0, 1]) for the planner to choose its strategies, read from the edge's
    /// recorded accuracy; null (default) applies none. A variant without a recorded Top-1 fails a set minimum.
    /// </summary>
    public double? MinTop1 { get; init; }

    /// <summary>Least Top-5, as <see cref="MinTop1"/>.</summary>
    public double? MinTop5 { get; init; }

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public DeviceRunRequest Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
    }

    /// <summary>Every problem, each starting with the property's camelCase name (<c>requests 0 is outside [1, 100000]</c>); empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Requests is < 1 or > 100_000)
        {
            problems.Add($"requests {Requests} is outside [1, 100000]");
        }

        if (!ExtraStrategies.Contains(Strategy) && !Core.Planning.Strategies.All.Any(s => Core.Planning.Strategies.Name(s) == Strategy))
        {
            var names = Core.Planning.Strategies.All.Select(s => Core.Planning.Strategies.Name(s));
            problems.Add($"strategy '{Strategy}' is not one of auto, all, {string.Join(", ", names)}");
        }

        if (Variant is { } variant)
        {
            if (variant.IsFull || !string.Equals(variant.Model, Model, StringComparison.Ordinal))
            {
                problems.Add($"variant {variant} is not a pruned or quantized variant of {Model}");
            }
        }
        else if (PruningFactor.IsZero)
        {
            problems.Add("pruningFactor 0 is the full model; the pruned strategies need a pruning factor above 0");
        }

        if (PrunedFormat is not ("wire" or "onnx" or "sparse-onnx"))
        {
            problems.Add($"prunedFormat '{PrunedFormat}' is not one of wire, onnx, sparse-onnx");
        }

        if (Repeat is < 1 or > 100)
        {
            problems.Add($"repeat {Repeat} is outside [1, 100]");
        }

        if (DeviceThreads is < 1 or > 1024)
        {
            problems.Add($"deviceThreads {DeviceThreads} is outside [1, 1024]");
        }

        foreach (var (name, value) in new[] { ("minTop1", MinTop1), ("minTop5", MinTop5) })
        {
            if (value is { } v && v is not (>= 0 and <= 1))
            {
                problems.Add(FormattableString.Invariant($"{name} {v} is outside [0, 1] (a fraction: 0.8 is 80 %)"));
            }
        }

        problems.AddRange(Radio.Problems());
        problems.AddRange(Faults.Problems());
        return problems;
    }
}
