using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Builds the ONNX bytes of <paramref name="variant"/> from the full model's bytes, in memory. The accuracy evaluation,
/// the study and <c>tradeoff</c> build every variant through one of these (default <see cref="VariantFactories.Default"/>),
/// so a new way of making variants is plugged in at one place.
/// </summary>
/// <param name="fullModel">The full model, ONNX bytes (not modified).</param>
/// <param name="variant">The variant to build; never the full model.</param>
/// <param name="cancellationToken">Cancels the build where it can stop.</param>
/// <returns>The variant's ONNX bytes.</returns>
public delegate byte[] VariantFactory(byte[] fullModel, ModelVariant variant, CancellationToken cancellationToken);
