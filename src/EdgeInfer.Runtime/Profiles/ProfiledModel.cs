namespace EdgeInfer.Runtime.Profiles;

/// <summary>One model variant's measurements in one role.</summary>
public sealed record ProfiledModel
{
    /// <summary>Variant name of a full (unpruned) model.</summary>
    public const string FullVariant = "full";

    /// <summary>Model name, e.g. <c>resnet152</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Variant: <see cref="FullVariant"/> or a pruned variant's <see cref="Pruning.Variants.ModelVariant.Name"/> (<c>global-0.70</c>).</summary>
    public required string Variant { get; init; }

    /// <summary>Pruning factor in [0, 1) of a pruned variant; null for the full model.</summary>
    public double? PruningFactor { get; init; }

    /// <summary>Pruning method of a pruned variant (<c>global</c>, <c>layer</c>, <c>channel</c>); null for the full model.</summary>
    public string? PruningMethod { get; init; }

    /// <summary>Size of the model file, bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Whether the weights are trained; untrained models are valid for latency, size and pruning time only.</summary>
    public bool? Trained { get; init; }

    /// <summary>One entry per load level, ascending (the device role has one, at load 0).</summary>
    public required IReadOnlyList<LoadMeasurement> Measurements { get; init; }
}
