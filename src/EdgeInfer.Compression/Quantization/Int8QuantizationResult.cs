using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Compression.Quantization;

/// <summary>PLACEHOLDER for helper hC's result of INT8 quantization (the integrator drops this file).</summary>
public sealed record Int8QuantizationResult
{
    /// <summary>Time the quantization took.</summary>
    public Seconds Elapsed { get; init; }
}
