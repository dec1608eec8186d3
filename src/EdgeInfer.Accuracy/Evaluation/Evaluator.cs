using System.Diagnostics;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Compression.Building;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Measures Top-1/Top-5 of a classifier on a <see cref="PreparedDataset"/> for each variant (or pruning factor): build
/// it (<see cref="VariantFactory"/>), open an ORT session on all cores, run every batch, count top-k hits. The same
/// prepared tensors serve every variant.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Evaluates <paramref name="model"/> (ONNX bytes) at each factor in <paramref name="pruningFactors"/>, pruned in
    /// memory with <paramref name="method"/> by <see cref="VariantBuilder.BuildInMemory"/> (no fine-tuning, as in the
    /// paper's Fig. 2(a)); pf = 0 runs the model as it is. Progress lines go to <paramref name="progress"/>.
    /// </summary>
    /// <param name="model">The classifier, ONNX bytes.</param>
    /// <param name="data">The prepared dataset.</param>
    /// <param name="pruningFactors">One or more factors.</param>
    /// <param name="method">The pruning method; null when every factor is 0 (nothing is pruned).</param>
    /// <param name="build">How variants are built: calibration images for <c>channel-ls</c>; null for the defaults.</param>
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

        if (method is null && pruningFactors.Any(pf => !pf.IsZero))
        {
            throw new ArgumentException("A pruning method is needed for pf > 0.", nameof(method));
        }

        // The variant's model name does not change how it is built; "model" stands for the bytes given.
        var variants = pruningFactors.Select(pf => method is { } m ? ModelVariant.Pruned("model", m, pf) : ModelVariant.Full("model")).ToList();
        return EvaluateVariants(model, data, variants, build, progress, intraOpThreads, cancellationToken);
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> (the full model's ONNX bytes) as each of <paramref name="variants"/> (any kind),
    /// each built in memory by <see cref="VariantBuilder.BuildInMemory"/> with <paramref name="build"/>.
    /// </summary>
    /// <exception cref="EdgeInferInputException">A variant cannot be built (e.g. no calibration images for it).</exception>
    public static IReadOnlyList<AccuracyPoint> EvaluateVariants(
        byte[] model,
        PreparedDataset data,
        IReadOnlyList<ModelVariant> variants,
        VariantBuildOptions? build = null,
        IProgress<string>? progress = null,
        int? intraOpThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        if (variants.Count == 0)
        {
            throw new ArgumentException("At least one variant is needed.", nameof(variants));
        }

        var factory = build is null ? VariantFactories.Default : VariantFactories.Builder(build);
        return [.. variants.Select(v => Evaluate(model, v, data, factory, progress, intraOpThreads, cancellationToken))];
    }

    /// <summary>
    /// Evaluates <paramref name="variant"/> of the classifier <paramref name="fullModel"/>: builds it in memory with
    /// <paramref name="build"/> (default <see cref="VariantFactories.Default"/>; the full model runs as it is), opens an
    /// ORT session, runs every batch and counts top-1/top-5 hits. The point's <see cref="AccuracyPoint.PruneSeconds"/>
    /// is the build time.
    /// </summary>
    /// <exception cref="EdgeInferInputException">ORT rejects the model, or it does not fit the dataset (classes, image size).</exception>
    public static AccuracyPoint Evaluate(
        byte[] fullModel,
        ModelVariant variant,
        PreparedDataset data,
        VariantFactory? build = null,
        IProgress<string>? progress = null,
        int? intraOpThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fullModel);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var bytes = variant.IsFull ? fullModel : (build ?? VariantFactories.Default)(fullModel, variant, cancellationToken);
        var buildSeconds = variant.IsFull ? 0 : clock.Elapsed.TotalSeconds;
        var point = Score(bytes, variant, data, buildSeconds, progress, intraOpThreads, cancellationToken);
        progress?.Report(FormattableString.Invariant($"{Label(variant)}: top-1 {point.Top1:P1}, top-5 {point.Top5:P1} ")
            + FormattableString.Invariant($"on {point.Images} images ")
            + FormattableString.Invariant($"({point.ImagesPerSecond:0.0} images/s, prune {buildSeconds:0.00} s)"));
        return point;
    }

    /// <summary>
    /// Top-1/Top-5 of an already built <paramref name="variant"/> (its ONNX bytes <paramref name="model"/>) on
    /// <paramref name="data"/>; <paramref name="buildSeconds"/> is reported as the point's build time.
    /// </summary>
    /// <exception cref="EdgeInferInputException">ORT rejects the model, or it does not fit the dataset (classes, image size).</exception>
    public static AccuracyPoint Score(
        byte[] model,
        ModelVariant variant,
        PreparedDataset data,
        double buildSeconds = 0,
        IProgress<string>? progress = null,
        int? intraOpThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(data);
        using var runner = new BatchRunner(model, intraOpThreads);
        CheckWidth(runner, data);
        var (top1, top5, seconds) = Run(runner, data, variant.Factor.Value, progress, cancellationToken);
        return new AccuracyPoint(variant.Factor.Value, variant.Kind ?? "none", data.ImageCount, top1, top5, buildSeconds, seconds)
        {
            Variant = variant.Name,
        };
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

    private static string Label(ModelVariant variant) =>
        variant.Budget is null && !variant.IsQuantized ? $"pf {variant.Factor.Name} {variant.Kind ?? "none"}" : variant.Name;

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
