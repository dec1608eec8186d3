namespace EdgeInfer.Runtime.Profiles;

/// <summary>One model variant to profile.</summary>
/// <param name="Model">Model name as it appears in the profile (e.g. <c>mobilenet</c>).</param>
/// <param name="Variant"><see cref="ProfiledModel.FullVariant"/> or a pruned variant name.</param>
/// <param name="ModelPath">The ONNX file to run.</param>
public sealed record ProfileTarget(string Model, string Variant, string ModelPath)
{
    /// <summary>Pruning factor of a pruned variant.</summary>
    public double? PruningFactor { get; init; }

    /// <summary>Pruning method of a pruned variant.</summary>
    public string? PruningMethod { get; init; }

    /// <summary>Whether the weights are trained, when known.</summary>
    public bool? Trained { get; init; }

    /// <summary>The full model this variant is pruned from; with a <see cref="PruneFile"/> the profiler times pruning it under each load.</summary>
    public string? PrunedFromPath { get; init; }
}
