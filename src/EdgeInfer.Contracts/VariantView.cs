namespace EdgeInfer.Contracts;

/// <summary>
/// One variant of a model in the catalog. Origin: repository (full), prepruned (stored pruned variant) or cached (pruned
/// on demand earlier). Parameters are the full model's count for cached variants (pruning zeroes weights, it does not
/// remove them, except channel pruning). Top-1/Top-5 are the model's recorded accuracy of this variant name
/// (<c>accuracy.json</c>), with the dataset and the number of images they were measured on; all four are null when none
/// is recorded. A variant the edge has not built yet has no row: its recorded accuracy is in <see cref="ModelView.Accuracy"/>
/// under its name.
/// </summary>
/// <param name="Variant">Variant name, e.g. <c>full</c> or <c>channel-0.30</c>.</param>
/// <param name="Origin"><c>repository</c>, <c>prepruned</c> or <c>cached</c>.</param>
/// <param name="SizeBytes">Size of the dense ONNX file, bytes.</param>
/// <param name="Sizes">Sizes of the formats the edge can send.</param>
/// <param name="Parameters">Learned parameters.</param>
/// <param name="Macs">Multiply-accumulates per image, when known.</param>
/// <param name="Trained">Whether the weights are trained.</param>
/// <param name="PruningFactor">Uniform pf of a pruned variant (0 with a MACs budget), else null.</param>
/// <param name="PruningMethod">Pruning method of a pruned variant, else null.</param>
/// <param name="Source">Where the variant came from.</param>
/// <param name="Top1">Recorded Top-1, fraction in [0, 1], or null.</param>
/// <param name="Top5">Recorded Top-5, fraction in [0, 1], or null.</param>
/// <param name="AccuracyDataset">The dataset Top-1/Top-5 were measured on, or null.</param>
/// <param name="AccuracyImages">The test images Top-1/Top-5 were measured on, or null.</param>
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
    string? AccuracyDataset,
    int? AccuracyImages,
    double? MacsBudget = null,
    string? Precision = null);
