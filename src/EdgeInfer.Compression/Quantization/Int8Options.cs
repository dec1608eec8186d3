using EdgeInfer.Core;

namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// How <see cref="Int8Quantizer"/> quantizes a model. Immutable; <see cref="Validated"/> checks every field once and
/// lists every problem in one message. The defaults are the ones measured best on <c>resnet18-fmnist</c>
/// (docs/pruning.md, "INT8").
/// </summary>
public sealed record Int8Options
{
    /// <summary>The calibration images used by default: the first 512 of the set (the count).</summary>
    public const int DefaultCalibrationImages = 512;

    /// <summary>How activation ranges are calibrated. Default <see cref="Int8CalibrationMethod.MinMax"/>.</summary>
    public Int8CalibrationMethod Method { get; init; } = Int8CalibrationMethod.MinMax;

    /// <summary>The percentile for <see cref="Int8CalibrationMethod.Percentile"/>, in (50, 100] percent. Default 99.999.</summary>
    public double Percentile { get; init; } = 99.999;

    /// <summary>How many calibration images to use, at most (the first ones of the set), in [1, 100,000]. Default 512.</summary>
    public int CalibrationImages { get; init; } = DefaultCalibrationImages;

    /// <summary>
    /// Per-channel weight scales (one per output channel: axis 0 of a Conv weight, the output axis of a Gemm's B) when true
    /// (default); one scale per weight tensor when false.
    /// </summary>
    public bool PerChannelWeights { get; init; } = true;

    /// <summary>Whether Gemm (fully connected) nodes are quantized too (default true); false keeps them in float.</summary>
    public bool QuantizeGemm { get; init; } = true;

    /// <summary>
    /// Images per ORT run during calibration, in [1, 256]; null (default) picks the largest batch whose captured
    /// activations stay within about 256 MiB (at least 1, at most 32).
    /// </summary>
    public int? CalibrationBatchSize { get; init; }

    /// <summary>ORT intra-op threads for calibration, in [1, 1024]; null (default) = all cores.</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    /// <returns>This instance, for chaining.</returns>
    public Int8Options Validated()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Method))
        {
            problems.Add($"calibration method {(int)Method} is not one of minmax, percentile");
        }

        if (!(Percentile > 50 && Percentile <= 100))
        {
            problems.Add($"percentile {Percentile} is outside (50, 100]");
        }

        if (CalibrationImages is < 1 or > 100_000)
        {
            problems.Add($"calibration images {CalibrationImages} is outside [1, 100000]");
        }

        if (CalibrationBatchSize is < 1 or > 256)
        {
            problems.Add($"calibration batch size {CalibrationBatchSize} is outside [1, 256]");
        }

        if (IntraOpThreads is < 1 or > 1024)
        {
            problems.Add($"intra-op threads {IntraOpThreads} is outside [1, 1024]");
        }

        if (problems.Count > 0)
        {
            throw new EdgeInferInputException("Invalid INT8 options: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
