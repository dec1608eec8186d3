using EdgeInfer.Compression.Calibration;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Compression.Building;

/// <summary>
/// How <see cref="VariantBuilder"/> builds a variant. Immutable; <see cref="Validated"/> lists every problem at once.
/// Only <see cref="Calibration"/> depends on the variant: it is needed exactly when
/// <see cref="ModelVariant.NeedsCalibration"/> (<c>channel-ls</c>, <c>int8</c>), and asked for only then.
/// </summary>
public sealed record VariantBuildOptions
{
    /// <summary>The defaults: no calibration images (data-free variants only), exact channel counts, no extra outputs.</summary>
    public static VariantBuildOptions Default { get; } = new();

    /// <summary>
    /// Supplies calibration images for the full model; null when the host has none (building a variant that needs them
    /// is then an <see cref="EdgeInferInputException"/> that says so).
    /// </summary>
    public CalibrationProvider? Calibration { get; init; }

    /// <summary>Structured methods: round each pruned group's kept channels up to this multiple, in [1, 1024]. Default 1 (exact).</summary>
    public int ChannelMultiple { get; init; } = 1;

    /// <summary>Global/layer only: leave the first Conv dense.</summary>
    public bool KeepFirstConvDense { get; init; }

    /// <summary>Global/layer only: leave the classifier (last Gemm/MatMul) dense.</summary>
    public bool KeepClassifierDense { get; init; }

    /// <summary>Global/layer only: tensors with fewer elements stay dense (≥ 0).</summary>
    public long MinimumTensorElements { get; init; }

    /// <summary>File builds: also write the <c>.eiw</c> wire encoding here.</summary>
    public string? WirePath { get; init; }

    /// <summary>File builds: also write ONNX with COO <c>sparse_initializer</c> here.</summary>
    public string? SparseOnnxPath { get; init; }

    /// <summary>File builds: compute the wire, COO and gzip −6 sizes in memory even where no file is asked for.</summary>
    public bool MeasureAllSizes { get; init; }

    /// <summary>Wire encoding options; null for <see cref="WireOptions.Default"/>.</summary>
    public WireOptions? Wire { get; init; }

    /// <summary>Checks every field; returns this instance or throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public VariantBuildOptions Validated()
    {
        var problems = new List<string>();
        if (ChannelMultiple is < 1 or > 1024)
        {
            problems.Add($"channel multiple must be in [1, 1024], got {ChannelMultiple}");
        }

        if (MinimumTensorElements < 0)
        {
            problems.Add($"minimum tensor elements must be >= 0, got {MinimumTensorElements}");
        }

        try
        {
            (Wire ?? WireOptions.Default).Validated();
        }
        catch (EdgeInferInputException ex)
        {
            problems.Add(ex.Message.TrimEnd('.'));
        }

        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid build options: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// The problems of these options for <paramref name="variant"/>: the magnitude-only flags on another kind, missing
    /// calibration images. Empty when it can be built.
    /// </summary>
    public IReadOnlyList<string> Problems(ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var problems = new List<string>();
        var magnitude = variant.Method is PruningMethod.Global or PruningMethod.Layer;
        if (!magnitude && (KeepFirstConvDense || KeepClassifierDense || MinimumTensorElements > 0))
        {
            problems.Add($"keep-first-conv, keep-classifier and minimum tensor size apply to global and layer pruning only, not to {variant.Name}");
        }

        if (variant.NeedsCalibration && Calibration is null)
        {
            var why = variant.Method is { } m && m.NeedsCalibration()
                ? $"{m.Name()} chooses channels and refits weights on them"
                : "int8 quantization calibrates its activation scales on them";
            problems.Add($"{variant.Name} needs calibration images ({why}), and none were given");
        }

        return problems;
    }

    /// <summary>The data-free pipeline's options for <paramref name="method"/> at <paramref name="pruningFactor"/>.</summary>
    internal PruneFileOptions Pruning(PruningMethod method, double pruningFactor, bool withOutputs) => new(
        pruningFactor,
        method,
        KeepFirstConvDense,
        KeepClassifierDense,
        MinimumTensorElements,
        withOutputs ? WirePath : null,
        withOutputs ? SparseOnnxPath : null,
        withOutputs && MeasureAllSizes,
        Wire,
        ChannelMultiple);
}
