using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Measurement;

/// <summary>A model variant ready to measure, with what the cost model needs about its size.</summary>
/// <param name="Spec">Which variant (its <see cref="ModelVariant.Name"/> is its repository variant).</param>
/// <param name="ModelPath">The ONNX file ORT runs.</param>
/// <param name="OnnxBytes">Size of that ONNX file, bytes.</param>
/// <param name="TransferBytes">
/// Bytes sent edge → device (l_model, Eq. 4): the ONNX file for the full model, the <c>.eiw</c> wire encoding for a pruned one.
/// </param>
/// <param name="Parameters">Learned parameters that are not zero.</param>
/// <param name="Macs">Multiply-accumulates per inference at batch 1, when known.</param>
/// <param name="Trained">Whether the weights are trained (catalog models are not).</param>
public sealed record PreparedVariant(ModelVariant Spec, string ModelPath, long OnnxBytes, long TransferBytes, long Parameters, long? Macs, bool Trained);
