using System.Diagnostics;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Building;

/// <summary>
/// The one builder of every <see cref="ModelVariant"/> from its full model, and so the one place that chooses the pruner
/// and the quantizer: the data-free methods (<c>global</c>, <c>layer</c>, <c>channel</c> at a uniform pf) through
/// <see cref="ModelPruning"/> as they always were; a MACs budget for <c>channel</c> by the smallest uniform pf that meets it;
/// <c>channel-ls</c> through <see cref="Structured.ChannelLsPruner"/>; then, for quantized variants, INT8 QDQ quantization
/// (<see cref="Quantization.Int8Quantizer"/>) of the (pruned) float model. Calibration images are asked for only when the
/// variant needs them. File outputs are written atomically (<see cref="OnnxModelFile.Save"/>, <see cref="AtomicFile"/>).
/// Every host (the CLI's <c>prune</c>, <c>quantize</c> and <c>profile</c>, the edge server, the study, the accuracy
/// evaluation) builds through here.
/// </summary>
public static partial class VariantBuilder
{
    /// <summary>Builds <paramref name="variant"/> from the full model file <paramref name="fullModelPath"/> into <paramref name="outputPath"/>.</summary>
    /// <param name="fullModelPath">The full model's ONNX file.</param>
    /// <param name="outputPath">Where the variant's ONNX file goes (not the input).</param>
    /// <param name="variant">Any variant; the full one is a validated copy.</param>
    /// <param name="options">Calibration, channel multiple, extra outputs; null for <see cref="VariantBuildOptions.Default"/>.</param>
    /// <param name="progress">Progress lines of the long steps (calibration, budget search, channel-ls, quantization), or null.</param>
    /// <exception cref="EdgeInferInputException">Invalid options, missing calibration images, a bad input file, or a budget that cannot be met.</exception>
    public static VariantBuildReport BuildFile(
        string fullModelPath, string outputPath, ModelVariant variant, VariantBuildOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullModelPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(variant);
        options = Checked(variant, options);
        if (string.Equals(Path.GetFullPath(fullModelPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new EdgeInferInputException($"Output '{outputPath}' is the input model; choose another output path.");
        }

        if (IsDataFree(variant))
        {
            var pruned = ModelPruning.PruneFile(fullModelPath, outputPath, options.Pruning(variant.Method ?? PruningMethod.Global, variant.Factor.Value, true));
            return FromPruneReport(variant, pruned);
        }

        return BuildParsed(fullModelPath, outputPath, variant, options, progress, fromFloat: false);
    }

    /// <summary>
    /// Builds the quantized <paramref name="variant"/> from its float variant's file <paramref name="floatModelPath"/>
    /// (<see cref="ModelVariant.Unquantized"/>, already pruned: <c>channel-ls-0.50</c> for <c>channel-ls+int8-0.50</c>), so
    /// a pre-made pruned variant is quantized without pruning it again. The report's "before" figures are the float variant's.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="variant"/> is not quantized.</exception>
    /// <exception cref="EdgeInferInputException">Invalid options, no calibration images, or a bad input file.</exception>
    public static VariantBuildReport QuantizeFile(
        string floatModelPath, string outputPath, ModelVariant variant, VariantBuildOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(floatModelPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        ArgumentNullException.ThrowIfNull(variant);
        if (!variant.IsQuantized)
        {
            throw new ArgumentException($"{variant} is not quantized; build it with {nameof(BuildFile)}.", nameof(variant));
        }

        options = Checked(variant, options);
        if (string.Equals(Path.GetFullPath(floatModelPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new EdgeInferInputException($"Output '{outputPath}' is the input model; choose another output path.");
        }

        return BuildParsed(floatModelPath, outputPath, variant, options, progress, fromFloat: true);
    }

    /// <summary>
    /// Builds <paramref name="variant"/> from the full model's ONNX bytes <paramref name="fullModel"/> in memory (the
    /// accuracy evaluation builds this way, without files). The full variant returns the bytes as they are.
    /// </summary>
    /// <exception cref="EdgeInferInputException">
    /// Invalid options, missing calibration images, bytes that are not ONNX, or a budget that cannot be met.
    /// </exception>
    public static byte[] BuildInMemory(byte[] fullModel, ModelVariant variant, VariantBuildOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(fullModel);
        ArgumentNullException.ThrowIfNull(variant);
        options = Checked(variant, options);
        if (variant.IsFull)
        {
            return fullModel;
        }

        if (IsDataFree(variant))
        {
            return ModelPruning.PruneInMemory(fullModel, options.Pruning(variant.Method!.Value, variant.Factor.Value, withOutputs: false));
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(fullModel);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new EdgeInferInputException($"The model is not a valid ONNX model: {ex.Message}", ex);
        }

        Transform(model, variant, options, progress, fromFloat: false);
        return model.ToByteArray();
    }

    /// <summary>
    /// Builds <paramref name="variant"/> of <paramref name="full"/>'s model into <paramref name="repository"/> under
    /// <see cref="ModelVariant.Name"/>, with metadata that records what was done (<see cref="PrunedVariants.AddToRepository"/>),
    /// so the edge server serves it as pre-made. A quantized variant whose pruned float form is in the repository already
    /// is quantized from it (<see cref="QuantizeFile"/>) instead of being pruned again. The build goes through a temporary
    /// file in the repository's folder.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="variant"/> is the full model or of another model.</exception>
    public static BuiltVariant AddToRepository(
        ModelRepository repository, ModelEntry full, ModelVariant variant, VariantBuildOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.IsFull || !string.Equals(variant.Model, full.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{variant} is not a pruned or quantized variant of {full.Name}.", nameof(variant));
        }

        var temporary = Path.Combine(repository.Root, $".build-{Guid.NewGuid():N}.onnx");
        try
        {
            var report = variant.IsQuantized && variant.IsPruned && repository.TryGet(full.Name, variant.Unquantized.Name) is { } pruned
                ? QuantizeFile(pruned.ModelPath, temporary, variant, options, progress)
                : BuildFile(full.ModelPath, temporary, variant, options, progress);
            return new BuiltVariant(PrunedVariants.AddToRepository(repository, full, temporary, variant), report);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Adds a file this builder built (<see cref="BuildFile"/>) to <paramref name="repository"/> as
    /// <paramref name="variant"/> of <paramref name="full"/>'s model (<see cref="PrunedVariants.AddToRepository"/>), for
    /// hosts that also keep the file elsewhere (<c>prune -o</c>). The file is copied, not moved.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="variant"/> is the full model or of another model.</exception>
    public static ModelEntry AddBuiltFile(ModelRepository repository, ModelEntry full, string builtFile, ModelVariant variant) =>
        PrunedVariants.AddToRepository(repository, full, builtFile, variant);

    /// <summary>
    /// True when <paramref name="variant"/> is made by the data-free pipeline alone: the full model, or global, layer or
    /// channel at a uniform pf, not quantized.
    /// </summary>
    public static bool IsDataFree(ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return !variant.NeedsCalibration && variant.Budget is null;
    }

    private static VariantBuildOptions Checked(ModelVariant variant, VariantBuildOptions? options)
    {
        options = (options ?? VariantBuildOptions.Default).Validated();
        var problems = options.Problems(variant);
        return problems.Count == 0
            ? options
            : throw new EdgeInferInputException($"Cannot build {variant}: " + string.Join("; ", problems) + ".");
    }

    private static VariantBuildReport FromPruneReport(ModelVariant variant, PruneFileReport r) => new(
        variant,
        variant.IsPruned ? variant.Factor : null,
        variant.IsPruned ? r.AchievedSparsity : null,
        r.ParametersBefore,
        r.ParametersAfter,
        r.MacsBefore,
        r.MacsAfter,
        new VariantBuildTimings(r.Timings.Load, default, r.Timings.Select, r.Timings.Mask, default, r.Timings.Save),
        r.Sizes,
        null,
        0);

    /// <summary>Parse the full model, transform it in place (prune, quantize), save it and its extra outputs, and measure.</summary>
    private static VariantBuildReport BuildParsed(
        string input, string output, ModelVariant variant, VariantBuildOptions options, IProgress<string>? progress, bool fromFloat)
    {
        var start = Stopwatch.GetTimestamp();
        var model = OnnxModelFile.Load(input);
        var load = Since(start);
        var before = ModelStatistics.Of(model);
        var steps = Transform(model, variant, options, progress, fromFloat);

        start = Stopwatch.GetTimestamp();
        var dense = OnnxModelFile.Save(model, output);
        var save = Since(start);
        var after = ModelStatistics.Of(model);
        var gzip = options.MeasureAllSizes ? ModelPruning.GzipSize(output) : (Bytes?)null;
        var sizes = new PruneSizes(new Bytes(dense), WireSize(model, options), CooSize(model, options), gzip);
        return new VariantBuildReport(
            variant,
            steps.UniformFactor,
            steps.AchievedSparsity,
            before.Parameters,
            after.NonZeroParameters,
            before.Macs,
            after.Macs ?? steps.FloatMacs,
            new VariantBuildTimings(load, steps.Calibration, steps.Select, steps.Prune, steps.Quantize, save),
            sizes,
            steps.CalibrationSource,
            steps.CalibrationImages);
    }

    private static Bytes? WireSize(ModelProto model, VariantBuildOptions options)
    {
        if (options.WirePath is null && !options.MeasureAllSizes)
        {
            return null;
        }

        var wire = WireCodec.Encode(model, options.Wire);
        return new Bytes(options.WirePath is null ? wire.Length : AtomicFile.Write(options.WirePath, s => s.Write(wire)));
    }

    private static Bytes? CooSize(ModelProto model, VariantBuildOptions options)
    {
        if (options.SparseOnnxPath is null && !options.MeasureAllSizes)
        {
            return null;
        }

        var coo = SparseOnnxExporter.ToCoo(model);
        return new Bytes(options.SparseOnnxPath is null ? coo.CalculateSize() : OnnxModelFile.Save(coo, options.SparseOnnxPath));
    }

    private static Seconds Since(long start) => new(Stopwatch.GetElapsedTime(start).TotalSeconds);
}
