namespace EdgeInfer.Models.Repository;

/// <summary>
/// The measured Top-1 and Top-5 accuracy of one variant of a trained model, with what it was measured on: one entry of
/// <see cref="ModelAccuracy"/> (<c>accuracy.json</c>). The key is <see cref="Variant"/>, the variant's repository name
/// (<c>full</c>, <c>channel-0.30</c>, …) as <c>Pruning.Variants.ModelVariant.Name</c> gives it: callers write and look
/// it up through that name, so a new kind of variant needs nothing new here.
/// </summary>
/// <param name="Variant">The variant's name, e.g. <c>full</c> or <c>global-0.70</c>.</param>
/// <param name="Top1">Top-1 accuracy, fraction in [0, 1].</param>
/// <param name="Top5">Top-5 accuracy, fraction in [0, 1].</param>
/// <param name="Dataset">What it was measured on, e.g. <c>Fashion-MNIST test subset (embedded)</c>.</param>
/// <param name="Images">Test images evaluated (≥ 1).</param>
public sealed record AccuracyRecord(string Variant, double Top1, double Top5, string Dataset, int Images);
