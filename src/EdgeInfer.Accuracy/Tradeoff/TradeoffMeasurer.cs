using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Measurement;
using Onnx;

namespace EdgeInfer.Accuracy.Tradeoff;

/// <summary>
/// Measures what each variant of a trained classifier costs and keeps: builds it from the full model
/// (<see cref="TradeoffOptions.Build"/>, timed), counts its MACs (<see cref="ModelInspector"/>), evaluates Top-1/Top-5 on
/// each dataset (<see cref="Evaluator.Score"/>), and times it in ONNX Runtime at batch 1 against the full model in the
/// same run (<see cref="PairedLatency"/>: the full session stays open, each variant alternates with it), so that
/// speedup = the full model's median / the variant's median compares like with like on a shared machine.
/// </summary>
public static class TradeoffMeasurer
{
    /// <summary>Measures the full model and every variant of <paramref name="options"/>; progress lines go to <paramref name="progress"/>.</summary>
    /// <exception cref="Core.EdgeInferInputException">Invalid options, a model ORT rejects, or one that does not fit a dataset.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static TradeoffResult Measure(TradeoffOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("edgeinfer-tradeoff-").FullName;
        try
        {
            var full = ModelVariant.Full(options.Model);
            var fullPath = Path.Combine(work, "full.onnx");
            File.WriteAllBytes(fullPath, options.FullModel);
            var fullMacs = Macs(options.FullModel);
            var fullAccuracy = Accuracy(options, options.FullModel, full, progress, cancellationToken);
            var runtime = new RuntimeOptions { Role = RuntimeRole.Device, IntraOpThreads = options.IntraOpThreads, WarmupRuns = options.WarmupRuns };
            using var fullSession = RuntimeSession.Open(fullPath, runtime);
            var pooled = new List<double>();
            var rows = new List<TradeoffRow>();
            var skipped = new List<string>();
            var variants = options.Variants.Where(v => !v.IsFull).ToArray();
            for (var i = 0; i < variants.Length; i++)
            {
                progress?.Report(F($"[{i + 1}/{variants.Length}] building {variants[i]} ..."));
                byte[] bytes;
                var start = Stopwatch.GetTimestamp();
                try
                {
                    bytes = options.Build(options.FullModel, variants[i], cancellationToken);
                }
                catch (Core.EdgeInferInputException ex)
                {
                    // A variant the builder refuses (a kind it does not make) is reported, and the others still measured.
                    skipped.Add($"{variants[i].Name}: {ex.Message}");
                    progress?.Report(F($"[{i + 1}/{variants.Length}] {variants[i].Name} not built: {ex.Message}"));
                    continue;
                }

                var built = new BuiltVariant(variants[i], bytes, Stopwatch.GetElapsedTime(start).TotalSeconds, Path.Combine(work, F($"variant-{i}.onnx")));
                var row = MeasureVariant(options, built, fullSession, fullMacs, pooled, progress, cancellationToken);
                rows.Add(row);
                progress?.Report(F($"[{i + 1}/{variants.Length}] {Describe(row)}"));
            }

            if (pooled.Count == 0)
            {
                for (var i = 0; i < options.Samples; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    pooled.Add(fullSession.TimeOne().Value);
                }
            }

            var fullLatency = LatencyStatistics.From([.. pooled]);
            var fullRow = new TradeoffRow(
                full, fullMacs, fullMacs is null ? null : 1, options.FullModel.LongLength, 0, fullLatency, fullLatency, 1, fullAccuracy);
            progress?.Report(Describe(fullRow));
            return new TradeoffResult(options.Model, [fullRow, .. rows], options.Samples, options.IntraOpThreads, clock.Elapsed.TotalSeconds)
            {
                Skipped = skipped,
            };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static TradeoffRow MeasureVariant(
        TradeoffOptions options, BuiltVariant built, RuntimeSession fullSession, long? fullMacs, List<double> pooled, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var (variant, bytes, buildSeconds, path) = built;
        var macs = Macs(bytes);
        var accuracy = Accuracy(options, bytes, variant, progress, cancellationToken);
        File.WriteAllBytes(path, bytes);
        try
        {
            var runtime = fullSession.Options;
            using var session = RuntimeSession.Open(path, runtime);
            var (baseline, candidate) = PairedLatency.Sample(fullSession, session, options.Samples, cancellationToken: cancellationToken);
            pooled.AddRange(baseline);
            var (fullLatency, latency) = (LatencyStatistics.From(baseline), LatencyStatistics.From(candidate));
            return new TradeoffRow(
                variant,
                macs,
                macs is { } m && fullMacs is > 0 ? (double)m / fullMacs.Value : null,
                bytes.LongLength,
                buildSeconds,
                latency,
                fullLatency,
                fullLatency.MedianSeconds / latency.MedianSeconds,
                accuracy);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<TradeoffAccuracy> Accuracy(
        TradeoffOptions options, byte[] model, ModelVariant variant, IProgress<string>? progress, CancellationToken cancellationToken) =>
        [.. options.Datasets.Select(data =>
        {
            var point = Evaluator.Score(model, variant, data, intraOpThreads: options.EvaluationThreads, cancellationToken: cancellationToken);
            progress?.Report(F($"  {variant.Name} on {data.Description}: top-1 {point.Top1:P1}, top-5 {point.Top5:P1} ({point.Images} images)"));
            return new TradeoffAccuracy(data.Description, point.Images, point.Top1, point.Top5);
        })];

    private static long? Macs(byte[] model) => ModelInspector.Inspect(ModelProto.Parser.ParseFrom(model), new Bytes(model.LongLength)).Macs;

    private static string Describe(TradeoffRow row) =>
        F($"{row.Variant.Name}: median {row.Latency.MedianSeconds * 1e3:0.00} ms (p90 {row.Latency.P90Seconds * 1e3:0.00}), ")
        + F($"full beside it {row.FullLatency.MedianSeconds * 1e3:0.00} ms, speedup {row.Speedup:0.00}x, MACs ratio {row.MacsRatio:0.000}")
        + (row.Accuracy.Count > 0 ? F($", top-1 {row.Accuracy[0].Top1:P1}") : "")
        + F($", built in {row.BuildSeconds:0.00} s");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A variant built in memory, how long that took (seconds), and where its file goes for ORT.</summary>
    private sealed record BuiltVariant(ModelVariant Variant, byte[] Bytes, double BuildSeconds, string Path);
}
