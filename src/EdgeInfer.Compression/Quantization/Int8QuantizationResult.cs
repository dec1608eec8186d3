using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Compression.Quantization;

/// <summary>What <see cref="Int8Quantizer.QuantizeInPlace"/> did to a model.</summary>
/// <param name="QuantizedNodes">
/// Nodes now fused by ORT into integer kernels, by operator type: <c>Conv</c>, <c>Gemm</c>, <c>Add</c>, <c>MaxPool</c>,
/// <c>AveragePool</c>, <c>GlobalAveragePool</c>, <c>Flatten</c>, …; <c>Relu</c> counts the Relus absorbed by the node before
/// them (the Q after them has zero point 0).
/// </param>
/// <param name="FloatConvs">Conv nodes left in float (weights not constant, or not a float initializer).</param>
/// <param name="FloatGemms">Gemm/MatMul nodes left in float (a MatMul, a transposed A, alpha ≠ 1, or Gemm quantization off).</param>
/// <param name="QuantizedTensors">Activation tensors given a QuantizeLinear/DequantizeLinear pair.</param>
/// <param name="QuantizedWeights">Weight tensors stored as int8 (one per quantized Conv/Gemm).</param>
/// <param name="FoldedBatchNorms">BatchNormalization nodes folded into the Conv before them.</param>
/// <param name="OpsetBefore">The model's default-domain opset before (raised to 13 when lower).</param>
/// <param name="OpsetAfter">The model's default-domain opset after.</param>
/// <param name="CalibrationImages">Images the activation ranges were read from.</param>
/// <param name="CalibrationSource">Where those images come from.</param>
/// <param name="Method">How the activation ranges were calibrated.</param>
/// <param name="Calibration">Time spent running the float model on the calibration images and reading ranges.</param>
/// <param name="Rewrite">Time spent on everything else: BN folding, opset, planning, quantizing weights, writing QDQ.</param>
/// <param name="Elapsed">The whole call.</param>
public sealed record Int8QuantizationResult(
    IReadOnlyDictionary<string, int> QuantizedNodes,
    int FloatConvs,
    int FloatGemms,
    int QuantizedTensors,
    int QuantizedWeights,
    int FoldedBatchNorms,
    long OpsetBefore,
    long OpsetAfter,
    int CalibrationImages,
    string CalibrationSource,
    Int8CalibrationMethod Method,
    Seconds Calibration,
    Seconds Rewrite,
    Seconds Elapsed)
{
    /// <summary>Quantized Conv nodes (QLinearConv after ORT's fusion).</summary>
    public int QuantizedConvs => QuantizedNodes.GetValueOrDefault("Conv");

    /// <summary>Quantized Gemm nodes (QGemm after ORT's fusion).</summary>
    public int QuantizedGemms => QuantizedNodes.GetValueOrDefault("Gemm");

    /// <summary>Quantized Add nodes (QLinearAdd after ORT's fusion).</summary>
    public int QuantizedAdds => QuantizedNodes.GetValueOrDefault("Add");

    /// <summary>One line for logs: <c>int8: 21 Conv, 1 Gemm, 8 Add, …; 20 BN folded; 512 images (minmax) in 3.1 s</c>.</summary>
    public override string ToString() =>
        "int8: " + string.Join(", ", QuantizedNodes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"))
        + FormattableString.Invariant($"; {QuantizedTensors} activations, {FoldedBatchNorms} BN folded, {FloatConvs} Conv in float; ")
        + FormattableString.Invariant($"{CalibrationImages} images ({Method}) {Calibration.Value:0.0} s + rewrite {Rewrite.Value:0.0} s");
}
