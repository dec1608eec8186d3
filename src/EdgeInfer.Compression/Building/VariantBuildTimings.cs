using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Compression.Building;

/// <summary>Phase times of one <see cref="VariantBuilder"/> build; <see cref="Total"/> is the end-to-end time.</summary>
/// <param name="Load">Reading (and parsing) the full model.</param>
/// <param name="Calibration">Preparing the calibration images (0 when none were needed).</param>
/// <param name="Select">
/// Choosing what to remove: the magnitude threshold, the channel norms, or for a MACs budget the search for the uniform
/// pf that meets it (0 for <c>channel-ls</c>, whose selection is part of <see cref="Prune"/>).
/// </param>
/// <param name="Prune">Masking weights, channel surgery, or the whole <c>channel-ls</c> pass (selection, refit, correction).</param>
/// <param name="Quantize">INT8 quantization with its calibration pass (0 when not quantized).</param>
/// <param name="Save">Writing the model file (and the wire/COO outputs asked for in the same pass).</param>
public sealed record VariantBuildTimings(Seconds Load, Seconds Calibration, Seconds Select, Seconds Prune, Seconds Quantize, Seconds Save)
{
    /// <summary>Load + calibration + select + prune + quantize + save.</summary>
    public Seconds Total => Load + Calibration + Select + Prune + Quantize + Save;
}
