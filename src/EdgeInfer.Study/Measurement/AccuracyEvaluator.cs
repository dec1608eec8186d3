using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Measurement;

/// <summary>Evaluates <paramref name="variant"/> of a trained model on <paramref name="images"/> test images.</summary>
/// <param name="variant">The variant; its <see cref="ModelVariant.Model"/> is the trained model.</param>
/// <param name="images">Test images to evaluate.</param>
/// <param name="cancellationToken">Cancels the evaluation.</param>
public delegate MeasuredAccuracy AccuracyEvaluator(ModelVariant variant, int images, CancellationToken cancellationToken);
