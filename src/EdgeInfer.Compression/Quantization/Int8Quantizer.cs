using EdgeInfer.Compression.Calibration;
using EdgeInfer.Core;
using Onnx;

namespace EdgeInfer.Compression.Quantization;

/// <summary>PLACEHOLDER for helper hC's INT8 QDQ quantizer (the integrator drops this file).</summary>
public static class Int8Quantizer
{
    /// <summary>Not built yet: always throws.</summary>
    /// <exception cref="EdgeInferInputException">Always.</exception>
    public static Int8QuantizationResult QuantizeInPlace(
        ModelProto model, CalibrationSet calibration, Int8Options options, IProgress<string>? progress = null) =>
        throw new EdgeInferInputException("int8 quantization is not built yet.");
}
