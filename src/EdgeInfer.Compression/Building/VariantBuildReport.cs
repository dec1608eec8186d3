using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Compression.Building;

/// <summary>What <see cref="VariantBuilder"/> built and measured.</summary>
/// <param name="Variant">The variant built.</param>
/// <param name="UniformFactor">
/// The uniform pf the pruner ran at: the variant's own, or for the data-free <c>channel</c> method with a MACs budget the
/// smallest pf found to meet it; null when nothing was pruned or the pruner allocated per-layer ratios itself (<c>channel-ls</c>
/// with a budget).
/// </param>
/// <param name="AchievedSparsity">
/// Global/layer: zero weights over prunable weights. Channel: removed channels over the channels of the prunable groups.
/// Null where the pruner does not report it (<c>channel-ls</c>) or nothing was pruned.
/// </param>
/// <param name="ParametersBefore">Learned parameters of the full model (repository counting).</param>
/// <param name="ParametersAfter">Non-zero learned parameters of the output (an INT8 weight counts as one parameter).</param>
/// <param name="MacsBefore">MACs of the full model at batch 1 (null when shapes are not static).</param>
/// <param name="MacsAfter">MACs of the output: unchanged by magnitude pruning and by quantization, reduced by channel pruning.</param>
/// <param name="Timings">Phase times.</param>
/// <param name="Sizes">Output sizes (dense always; wire, COO and gzip where asked for or measured; for in-memory builds the dense size only).</param>
/// <param name="CalibrationSource">Where the calibration images came from (<see cref="Calibration.CalibrationSet.Source"/>); null when none were used.</param>
/// <param name="CalibrationImages">How many calibration images were used; 0 when none.</param>
public sealed record VariantBuildReport(
    ModelVariant Variant,
    PruningFactor? UniformFactor,
    double? AchievedSparsity,
    long ParametersBefore,
    long ParametersAfter,
    long? MacsBefore,
    long? MacsAfter,
    VariantBuildTimings Timings,
    PruneSizes Sizes,
    string? CalibrationSource,
    int CalibrationImages);
