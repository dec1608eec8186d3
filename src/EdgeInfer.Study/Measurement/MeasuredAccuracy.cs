using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Measurement;

/// <summary>Top-1/Top-5 of one variant of the study's trained accuracy model, with what it was measured on.</summary>
/// <param name="Variant">The variant (of the accuracy model).</param>
/// <param name="Top1">Top-1, fraction in [0, 1].</param>
/// <param name="Top5">Top-5, fraction in [0, 1].</param>
/// <param name="Dataset">The dataset's description.</param>
/// <param name="Images">Test images evaluated.</param>
public sealed record MeasuredAccuracy(ModelVariant Variant, double Top1, double Top5, string Dataset, int Images);
