namespace EdgeInfer.Compression.Quantization;

/// <summary>How the range of each quantized activation tensor is read from the calibration images.</summary>
public enum Int8CalibrationMethod
{
    /// <summary>The smallest and largest value seen over every calibration image (ORT's <c>MinMax</c> calibrator).</summary>
    MinMax,

    /// <summary>
    /// The lower and upper <see cref="Int8Options.Percentile"/> of each calibration batch, averaged over the batches: a
    /// few outliers no longer stretch the scale of the many ordinary values, at the price of clipping those outliers.
    /// </summary>
    Percentile,
}
