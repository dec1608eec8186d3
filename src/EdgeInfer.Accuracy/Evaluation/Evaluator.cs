using System.Diagnostics;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Measures Top-1/Top-5 of a classifier on a <see cref="PreparedDataset"/> for each pruning factor: prune (when pf &gt; 0),
/// open an ORT session on all cores, run every batch, count top-k hits. The same prepared tensors serve every pf.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Evaluates <paramref name="model"/> (ONNX bytes) at each factor in <paramref name="pruningFactors"/> ([0, 0.99]) with
    /// <paramref name="prune"/> (model bytes, pf → pruned model bytes; not called for pf = 0). Progress lines go to <paramref name="progress"/>.
    /// </summary>
    public static IReadOnlyList<AccuracyPoint> Evaluate(
        byte[] model,
        PreparedDataset data,
        IReadOnlyList<double> pruningFactors,
        string method,
        Func<byte[], double, byte[]>? prune,
        IProgress<string>? progress = null,
        int? intraOpThreads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pruningFactors);
        var bad = pruningFactors.Where(p => !(p >= 0 && p <= 0.99)).ToArray();
        if (bad.Length > 0 || pruningFactors.Count == 0)
        {
            throw new EdgeInferInputException($"Pruning factors {string.Join(",", bad)} are outside [0, 0.99] (at least one factor is needed).");
        }

        if (pruningFactors.Any(p => p > 0) && prune is null)
        {
            throw new ArgumentException("A pruning function is needed for pf > 0.", nameof(prune));
        }

        var points = new List<AccuracyPoint>();
        foreach (var pf in pruningFactors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var variant = pf > 0 ? prune!(model, pf) : model;
            var pruneSeconds = pf > 0 ? clock.Elapsed.TotalSeconds : 0;
            using var runner = new BatchRunner(variant, intraOpThreads);
            CheckWidth(runner, data);
            var (top1, top5, seconds) = Run(runner, data, pf, progress, cancellationToken);
            var point = new AccuracyPoint(pf, pf > 0 ? method : "none", data.ImageCount, top1, top5, pruneSeconds, seconds);
            progress?.Report(FormattableString.Invariant($"pf {pf:0.00} {point.Method}: top-1 {point.Top1:P1}, top-5 {point.Top5:P1} on {point.Images} images ")
                + FormattableString.Invariant($"({point.ImagesPerSecond:0.0} images/s, prune {pruneSeconds:0.00} s)"));
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
