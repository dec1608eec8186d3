using System.Diagnostics;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Compression.Quantization;
using EdgeInfer.Compression.Structured;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Onnx;

namespace EdgeInfer.Compression.Building;

public static partial class VariantBuilder
{
    /// <summary>
    /// Turns the parsed full model into <paramref name="variant"/> in place: the calibration images first (from the full
    /// model, when needed), then the pruner the method calls for, then INT8 quantization of the pruned float model. With
    /// <paramref name="fromFloat"/> the model is already the variant's float form and is only quantized.
    /// </summary>
    private static BuildSteps Transform(
        ModelProto model, ModelVariant variant, VariantBuildOptions options, IProgress<string>? progress, bool fromFloat)
    {
        Seconds calibrationTime = default, select = default, prune = default, quantize = default;
        CalibrationSet? calibration = null;
        if (variant.NeedsCalibration)
        {
            var start = Stopwatch.GetTimestamp();
            progress?.Report($"{variant}: preparing calibration images ...");
            calibration = options.Calibration!(model);
            calibrationTime = Since(start);
            progress?.Report($"{variant}: calibration images: {calibration.Source} ({calibration.Height}×{calibration.Width})");
        }

        PruningFactor? uniform = null;
        double? achieved = null;
        if (variant.Method is { } method && !fromFloat)
        {
            if (method.NeedsCalibration())
            {
                progress?.Report($"{variant}: {method.Name()} pruning ...");
                var channelLs = new ChannelLsOptions { Factor = variant.Factor, Budget = variant.Budget, ChannelMultiple = options.ChannelMultiple };
                prune = ChannelLsPruner.PruneInPlace(model, calibration!, channelLs.Validated(), progress).Elapsed;
                uniform = variant.Budget is null ? variant.Factor : null;
            }
            else if (variant.Budget is { } budget)
            {
                progress?.Report($"{variant}: searching the uniform channel pf that keeps {budget.KeptFraction:P0} of the MACs ...");
                var (factor, result, search) = ChannelBudgetSearch.Prune(model, budget, options, progress);
                (uniform, achieved, select, prune) = (factor, result.AchievedSparsity, search, result.Mask);
            }
            else
            {
                var result = ModelPruning.PruneModel(model, options.Pruning(method, variant.Factor.Value, withOutputs: false));
                (uniform, achieved, select, prune) = (variant.Factor, result.AchievedSparsity, result.Select, result.Mask);
            }
        }

        long? floatMacs = null;
        if (variant.IsQuantized)
        {
            floatMacs = ShapeInference.Run(model.Graph).Macs;
            progress?.Report($"{variant}: int8 quantization ...");
            // Every image the host prepared calibrates the activations (the host chose the count: --calibration-images).
            var int8 = new Int8Options { CalibrationImages = calibration!.Count }.Validated();
            quantize = Int8Quantizer.QuantizeInPlace(model, calibration, int8, progress).Elapsed;
        }

        return new BuildSteps(calibrationTime, select, prune, quantize, uniform, achieved, floatMacs, calibration?.Source, calibration?.Count ?? 0);
    }
}
