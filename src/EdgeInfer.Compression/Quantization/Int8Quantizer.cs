using System.Diagnostics;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Compression.Graph;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Inspection;
using Onnx;

namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// Post-training static INT8 quantization of a float ONNX CNN, written as standard QuantizeLinear/DequantizeLinear (QDQ)
/// pairs that ONNX Runtime fuses into its integer kernels (QLinearConv, QLinearAdd, QGemm, …):
/// <list type="number">
/// <item>raise the opset to 13 if lower (per-axis QDQ needs it; refused where an operator would change meaning);</item>
/// <item>fold every Conv → BatchNormalization (<see cref="BatchNormFolding"/>);</item>
/// <item>plan which tensors to quantize (<see cref="QuantizationPlan"/>) and read their ranges on the calibration images
/// with ORT itself (<see cref="ActivationCapture"/>);</item>
/// <item>write per-channel symmetric int8 weights, int32 biases and per-tensor uint8 activations.</item>
/// </list>
/// Activations are <b>uint8</b> (asymmetric) and weights <b>int8</b> (symmetric), ORT's U8S8: on x86-64 its QDQ transformer
/// fuses a Conv with int8 activations only when the session allows it (<c>session.qdqisint8allowed</c>, off by default
/// there), and its u8·s8 kernels use AVX-512 VNNI (<c>vpdpbusd</c>) without the 16-bit saturation of older AVX2 paths.
/// The work is done on a copy: on any error the model is left as it was.
/// </summary>
public static class Int8Quantizer
{
    /// <summary>The opset the quantized model uses at least (per-axis QuantizeLinear/DequantizeLinear).</summary>
    public const long QdqOpset = 13;

    /// <summary>The metadata key that records how a model was quantized (one line of text).</summary>
    public const string MetadataKey = "edgeinfer.quantization";

    /// <summary>Captured activations per calibration batch the automatic batch size aims at: 32 Mi floats (128 MiB).</summary>
    private const long CaptureBudgetFloats = 32L << 20;

    /// <summary>
    /// Quantizes <paramref name="model"/> in place with ranges calibrated on <paramref name="calibration"/>.
    /// </summary>
    /// <param name="model">A float model with one image input [N, C, H, W] and at least one Conv or Gemm with constant weights.</param>
    /// <param name="calibration">Preprocessed images of the model's input size (never the test images).</param>
    /// <param name="options">Options; validated here.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <returns>What was quantized, and how long it took.</returns>
    /// <exception cref="EdgeInferInputException">
    /// Invalid options; a model that is already quantized, has no float Conv/Gemm with constant weights, or whose opset
    /// cannot be raised safely; calibration images that do not fit the model's input.
    /// </exception>
    public static Int8QuantizationResult QuantizeInPlace(
        ModelProto model, CalibrationSet calibration, Int8Options options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var total = Stopwatch.StartNew();
        if (model.Graph is null || model.Graph.Node.Any(n => n.OpType is "QuantizeLinear" or "DequantizeLinear" or "QLinearConv"))
        {
            throw new EdgeInferInputException("The model is already quantized (it has QuantizeLinear/DequantizeLinear nodes) or has no graph.");
        }

        var work = model.Clone();
        var opsetBefore = OpsetUpgrade.RaiseInPlace(work, QdqOpset);
        var folded = BatchNormFolding.FoldInPlace(work);
        var plan = QuantizationPlan.Build(work.Graph, options.QuantizeGemm);
        if (plan.Weighted.Count == 0)
        {
            throw new EdgeInferInputException(
                $"The model has no float Conv or Gemm with constant weights to quantize ({plan.FloatConvs} Conv, {plan.FloatGemms} Gemm/MatMul "
                + "left as they are); INT8 quantization needs at least one.");
        }

        var images = calibration.Take(options.CalibrationImages);
        progress?.Report($"int8: {plan.Weighted.Count} Conv/Gemm, {plan.Activations.Count} activation tensors; "
            + $"calibrating on {images.Count} images ({images.Source})");
        var clock = Stopwatch.StartNew();
        var ranges = new ActivationRanges(plan.Activations, options.Method, options.Percentile);
        var batch = options.CalibrationBatchSize ?? AutomaticBatchSize(work.Graph, plan.Activations);
        ActivationCapture.Run(work, plan.Activations, images, ranges.Add, batch, options.IntraOpThreads);
        var calibrationTime = clock.Elapsed;

        var parameters = Parameters(plan, ranges);
        var weights = new QdqRewriter(work.Graph, plan, parameters, options.PerChannelWeights).Rewrite();
        var result = new Int8QuantizationResult(
            plan.NodeCounts, plan.FloatConvs, plan.FloatGemms, plan.Activations.Count, weights, folded,
            opsetBefore, OpsetUpgrade.DefaultOpset(work), ranges.Images, images.Source, options.Method,
            new Seconds(calibrationTime.TotalSeconds), new Seconds((total.Elapsed - calibrationTime).TotalSeconds), new Seconds(total.Elapsed.TotalSeconds));
        SetMetadata(work, result, options);
        Adopt(model, work);
        progress?.Report(result.ToString());
        return result;
    }

    /// <summary>Scale and zero point of each root tensor, from the union of the ranges of the tensors that share it.</summary>
    private static Dictionary<string, ActivationQuantization> Parameters(QuantizationPlan plan, ActivationRanges ranges)
    {
        var union = new Dictionary<string, (double Min, double Max)>(StringComparer.Ordinal);
        foreach (var tensor in plan.Activations)
        {
            var root = plan.Root(tensor);
            var (min, max) = ranges.Range(tensor);
            union[root] = union.TryGetValue(root, out var r) ? (Math.Min(r.Min, min), Math.Max(r.Max, max)) : (min, max);
        }

        return union.ToDictionary(p => p.Key, p => ActivationQuantization.FromRange(p.Value.Min, p.Value.Max), StringComparer.Ordinal);
    }

    /// <summary>The largest batch (1 … 32) whose captured tensors hold about <see cref="CaptureBudgetFloats"/> values; 8 if shapes are unknown.</summary>
    private static int AutomaticBatchSize(GraphProto graph, IReadOnlyList<string> tensors)
    {
        var shapes = ShapeInference.Run(graph, batchSize: 1);
        long perImage = 0;
        foreach (var tensor in tensors)
        {
            if (shapes.ShapeOf(tensor) is not { } shape)
            {
                return 8;
            }

            perImage += shape.Aggregate(1L, (a, d) => a * Math.Max(d, 1));
        }

        return (int)Math.Clamp(CaptureBudgetFloats / Math.Max(perImage, 1), 1, ActivationCapture.DefaultBatchSize);
    }

    private static void SetMetadata(ModelProto work, Int8QuantizationResult result, Int8Options options)
    {
        var text = FormattableString.Invariant(
            $"int8 QDQ (opset {result.OpsetAfter}): {(options.PerChannelWeights ? "per-channel" : "per-tensor")} symmetric int8 weights, ")
            + FormattableString.Invariant($"per-tensor uint8 activations calibrated ({result.Method}) on {result.CalibrationSource}");
        if (work.MetadataProps.FirstOrDefault(p => p.Key == MetadataKey) is { } existing)
        {
            existing.Value = text;
        }
        else
        {
            work.MetadataProps.Add(new StringStringEntryProto { Key = MetadataKey, Value = text });
        }
    }

    /// <summary>Makes <paramref name="model"/> the quantized copy (graph, opsets, IR version, metadata).</summary>
    private static void Adopt(ModelProto model, ModelProto work)
    {
        model.Graph = work.Graph;
        model.IrVersion = work.IrVersion;
        model.OpsetImport.Clear();
        model.OpsetImport.AddRange(work.OpsetImport);
        model.MetadataProps.Clear();
        model.MetadataProps.AddRange(work.MetadataProps);
    }
}
