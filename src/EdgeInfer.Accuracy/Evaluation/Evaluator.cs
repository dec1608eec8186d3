using System.Diagnostics;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Compression.Building;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Measures Top-1/Top-5 of a classifier on a <see cref="PreparedDataset"/> for each variant (a pruning factor of a method,
/// or any <see cref="ModelVariant"/>): build it in memory, open an ORT session on all cores, run every batch, count top-k
/// hits. The same prepared tensors serve every variant.
/// </summary>
public static class Evaluator
{
    /// <summary>The model name of the variants <see cref="Evaluate"/> builds (only their kind and amount matter).</summary>
    private const string EvaluatedModel = "model";

    /// <summary>
    /// Evaluates <paramref name="model"/> (ONNX bytes) at each factor in <paramref name="pruningFactors"/>, pruned in
    /// memory with <paramref name="method"/> (no fine-tuning, as in the paper's Fig. 2(a)); pf = 0 runs the model as it
    /// is. The variants are built by <see cref="VariantBuilder.BuildInMemory"/>. Progress lines go to <paramref name="progress"/>.
    /// </summary>
    /// <param name="model">The classifier, ONNX bytes.</param>
    /// <param name="data">The prepared dataset.</param>
    /// <param name="pruningFactors">One or more factors.</param>
    /// <param name="method">The pruning method; null when every factor is 0 (nothing is pruned).</param>
    /// <param name="build">How variants are built: calibration images for <c>channel-ls</c>; null for the defaults (data-free methods only).</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <param name="intraOpThreads">ORT intra-op threads (null: all cores).</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    public static IReadOnlyList<AccuracyPoint> Evaluate(
        byte[] model,
        PreparedDataset data,
        IReadOnlyList<PruningFactor> pruningFactors,
        PruningMethod? method,
        VariantBuildOptions? build = null,
        IProgress<string>? progress = null,
        int? intraOpThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pruningFactors);
        if (pruningFactors.Count == 0)
        {
            throw new ArgumentException("At least one pruning factor is needed.", nameof(pruningFactors));
        }

        if (method is null && pruningFactors.Any(p => !p.IsZero))
        {
            throw new ArgumentException("A pruning method is needed for pf > 0.", nameof(method));
        }

        var variants = pruningFactors.Select(pf => method is { } m ? ModelVariant.Pruned(EvaluatedModel, m, pf) : ModelVariant.Full(EvaluatedModel)).ToList();
        return EvaluateVariants(model, data, variants, build, progress, intraOpThreads, cancellationToken);
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> (ONNX bytes, the full model) as each of <paramref name="variants"/> (any kind:
    /// pruned at a pf or to a MACs budget, quantized, or both), each built in memory by
    /// <see cref="VariantBuilder.BuildInMemory"/> with <paramref name="build"/>; the variants' model names are not used.
    /// A point's method is the variant's kind (<c>channel-ls+int8</c>), <c>none</c> for the full model, and its pruning
    /// factor the variant's uniform pf (0 for budgets and the full model quantized).
    /// </summary>
    /// <exception cref="EdgeInferInputException">
    /// A variant cannot be built (e.g. it needs calibration images and <paramref name="build"/> has none).
    /// </exception>
    public static IReadOnlyList<AccuracyPoint> EvaluateVariants(
        byte[] model,
        PreparedDataset data,
        IReadOnlyList<ModelVariant> variants,
        VariantBuildOptions? build = null,
        IProgress<string>? progress = null,
        int? intraOpThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException("At least one variant is needed.", nameof(variants));
        }

        var points = new List<AccuracyPoint>();
        foreach (var variant in variants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var built = VariantBuilder.BuildInMemory(model, variant, build, progress);
            var pruneSeconds = variant.IsFull ? 0 : clock.Elapsed.TotalSeconds;
            using var runner = new BatchRunner(built, intraOpThreads);
            CheckWidth(runner, data);
            var pf = variant.Factor.Value;
            var (top1, top5, seconds) = Run(runner, data, pf, progress, cancellationToken);
            var point = new AccuracyPoint(pf, variant.Kind ?? "none", data.ImageCount, top1, top5, pruneSeconds, seconds);
            var what = variant.Budget is null && !variant.IsQuantized ? $"pf {variant.Factor.Name} {point.Method}" : variant.Name;
            progress?.Report(FormattableString.Invariant($"{what}: top-1 {point.Top1:P1}, top-5 {point.Top5:P1} on {point.Images} images ")
                + FormattableString.Invariant($"({point.ImagesPerSecond:0.0} images/s, build {pruneSeconds:0.00} s)"));
            points.Add(point);
        }

        return points;
    }

    /// <summary>Runs every batch through <paramref name="runner"/> and counts top-1/top-5 hits; returns the counts and the inference seconds.</summary>
    public static (int Top1, int Top5, double Seconds) Run(
        BatchRunner runner, PreparedDataset data, double pf = 0, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(data);
        var output = Array.Empty<float>();
        int top1 = 0, top5 = 0, done = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = clock.Elapsed;
        foreach (var batch in data.Batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var width = runner.Run(batch, ref output);
            TopK.Count(output.AsSpan(0, width * batch.Count), width, batch.Labels, ref top1, ref top5);
            done += batch.Count;
            if (progress is not null && (clock.Elapsed - lastReport).TotalSeconds >= 5)
            {
                lastReport = clock.Elapsed;
                progress.Report(FormattableString.Invariant($"pf {pf:0.00}: {done}/{data.ImageCount} images, top-1 so far {(double)top1 / done:P1}"));
            }
        }

        return (top1, top5, clock.Elapsed.TotalSeconds);
    }

    private static void CheckWidth(BatchRunner runner, PreparedDataset data)
    {
        if (runner.OutputWidth > 0 && runner.OutputWidth < data.ClassNames.Count)
        {
            throw new EdgeInferInputException($"The model outputs {runner.OutputWidth} scores per image but the dataset has {data.ClassNames.Count} classes.");
        }

        if (runner.InputDimensions is [_, _, var h, var w] && h > 0 && (h != data.Preprocessing.CropSize || w != data.Preprocessing.CropSize))
        {
            throw new EdgeInferInputException(
                $"The model expects {h}x{w} images but the dataset was prepared at {data.Preprocessing.CropSize}x{data.Preprocessing.CropSize}.");
        }
    }
}
