namespace EdgeInfer.Compression.Quantization;

/// <summary>PLACEHOLDER for helper hC's options of INT8 quantization (the integrator drops this file).</summary>
public sealed record Int8Options
{
    /// <summary>Returns this instance (placeholder).</summary>
    public Int8Options Validated() => this;
}
