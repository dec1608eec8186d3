using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// One variant of a catalog model with what the simulator needs: size, device time, the edge's unloaded inference and
/// pruning times (the edge's load-dependent slowdown scales both), and accuracy. Given in the scenario file, or read
/// from a measured profile (<c>Profiles.ProfileVariants</c>).
/// </summary>
public sealed record SimulatedVariant
{
    /// <summary>The variant's name, e.g. <c>full</c> or <c>channel-ls-0.70</c>.</summary>
    public required string Name { get; init; }

    /// <summary>l_model: bytes on the wire when a device downloads it, and in the edge's store.</summary>
    public required Bytes Size { get; init; }

    /// <summary>T_inf,d: inference on the device.</summary>
    public required Seconds DeviceInference { get; init; }

    /// <summary>T_inf,e at load 0: inference on the idle edge.</summary>
    public required Seconds EdgeInference { get; init; }

    /// <summary>T_pr at load 0: pruning the full model into this variant on the idle edge (0 for the full model).</summary>
    public Seconds Prune { get; init; } = Seconds.Zero;

    /// <summary>Top-1 accuracy in [0, 1], or null when unknown (then it never meets a minTop1).</summary>
    public double? Top1 { get; init; }

    internal void AddProblems(List<string> problems, string path, bool isFull)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add($"{path}name must not be empty");
        }

        if (Size.Value <= 0)
        {
            problems.Add($"{path}sizeBytes must be positive");
        }

        if (DeviceInference.Value <= 0 || EdgeInference.Value <= 0)
        {
            problems.Add($"{path}deviceInferenceSeconds and edgeInferenceSeconds must be positive");
        }

        if (isFull && Prune.Value != 0)
        {
            problems.Add($"{path}pruneSeconds = {Prune.Value}: the first variant is the full model, which is never pruned (0)");
        }

        if (!isFull && Prune.Value <= 0)
        {
            problems.Add($"{path}pruneSeconds must be positive for a pruned variant");
        }

        if (Top1 is { } t && !(t is >= 0 and <= 1))
        {
            problems.Add($"{path}top1 = {t} must be in [0, 1]");
        }
    }
}
