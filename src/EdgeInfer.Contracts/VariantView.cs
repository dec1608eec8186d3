namespace EdgeInfer.Contracts;

/// <summary>
/// One variant of a model in the catalog. Origin: repository (full), prepruned (stored pruned variant) or cached (pruned
/// on demand earlier). Parameters are the full model's count for cached variants (pruning zeroes weights, it does not
/// remove them, except channel pruning). Top-1/Top-5 are given when known (the model's recorded accuracy has this method
/// and pruning factor; the full model is pruning factor 0), else null.
/// </summary>
public sealed record VariantView(
    string Variant,
    string Origin,
    long SizeBytes,
    FormatSizes Sizes,
    long? Parameters,
    long? Macs,
    bool Trained,
    double? PruningFactor,
    string? PruningMethod,
    string Source,
    double? Top1,
    double? Top5);
