using EdgeInfer.Core.Quantities;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Compression.Building;

/// <summary>What <see cref="VariantBuilder"/>'s in-place transformation of a parsed model did, for the report.</summary>
internal sealed record BuildSteps(
    Seconds Calibration,
    Seconds Select,
    Seconds Prune,
    Seconds Quantize,
    PruningFactor? UniformFactor,
    double? AchievedSparsity,
    long? FloatMacs,
    string? CalibrationSource,
    int CalibrationImages);
