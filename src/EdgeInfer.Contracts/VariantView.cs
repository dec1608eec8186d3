namespace EdgeInfer.Contracts;

/// <summary>
/// One variant of a model in the catalog. Origin: repository (full), prepruned (stored pruned or quantized variant) or
/// cached (built on demand earlier). Parameters are the full model's count for cached variants (pruning zeroes weights, it
/// does not remove them, except channel pruning). Top-1/Top-5 are given when known (the model's recorded accuracy has this
/// method and pruning factor; the full model is pruning factor 0), else null. <see cref="Sizes"/> gives each format's
/// real size once made (a quantized variant's wire size is that of its INT8 weights).
/// </summary>
/// <param name="Variant">The variant's name (<c>full</c>, <c>global-0.70</c>, <c>int8</c>, <c>channel-ls+int8-macs0.50</c>).</param>
/// <param name="Origin">repository, prepruned or cached.</param>
/// <param name="SizeBytes">Dense ONNX size, bytes.</param>
/// <param name="Sizes">Sizes per download format, bytes.</param>
/// <param name="Parameters">Learned parameters.</param>
/// <param name="Macs">MACs at batch 1.</param>
/// <param name="Trained">Whether the weights are trained.</param>
/// <param name="PruningFactor">Uniform pf of a pruned variant (0 with a MACs budget).</param>
/// <param name="PruningMethod">Pruning method of a pruned variant; null when nothing is pruned.</param>
/// <param name="Source">Provenance.</param>
/// <param name="Top1">Top-1 fraction when known.</param>
/// <param name="Top5">Top-5 fraction when known.</param>
/// <param name="MacsBudget">Fraction of the MACs kept, for variants pruned to a budget; else null.</param>
/// <param name="Precision"><c>int8</c> for quantized variants; else null.</param>
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
    double? Top5,
    double? MacsBudget = null,
    string? Precision = null);
