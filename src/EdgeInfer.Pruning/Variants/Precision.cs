using System.Diagnostics.CodeAnalysis;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// The number format of a variant's weights and activations: the model as built (<see cref="Float32"/>), or post-training
/// static INT8 quantization written as ONNX <c>QuantizeLinear</c>/<c>DequantizeLinear</c> pairs (<see cref="Int8"/>,
/// named <c>int8</c> in variant names, methods and queries: <c>int8</c>, <c>channel-ls+int8-0.50</c>).
/// </summary>
public enum Precision
{
    /// <summary>32-bit floating point, as the model was built or pruned.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "The members are named after the number formats they stand for.")]
    Float32,

    /// <summary>Per-channel symmetric int8 weights and per-tensor int8/uint8 activations calibrated on images (QDQ).</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "The members are named after the number formats they stand for.")]
    Int8,
}
