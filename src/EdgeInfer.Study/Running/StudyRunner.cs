using System.Globalization;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Running;

/// <summary>
/// Runs the measurement phases of the study — models (build and prune), device, edge (one background load at a time),
/// pruning versus pf, accuracy, the accuracy model's speed trade-off — through a <see cref="MeasurementCache"/>: every cell is looked up first and measured
/// only when missing, and a background load is started only when one of its cells is missing.
/// </summary>
public sealed class StudyRunner
{
    private readonly StudyConfig config;
    private readonly IStudyMeasurer measurer;
    private readonly MeasurementCache cache;
    private readonly Action<StudyProgress> progress;
    private readonly bool measureAccuracy;
    private readonly string machine;

    /// <summary>Creates a runner; <paramref name="config"/> is validated here.</summary>
    /// <param name="config">What to measure.</param>
    /// <param name="measurer">Measures the cells.</param>
    /// <param name="cache">Where cells are kept between runs.</param>
    /// <param name="measureAccuracy">False skips the accuracy phase (no evaluator, or no trained model).</param>
    /// <param name="progress">Called after every step.</param>
    public StudyRunner(StudyConfig config, IStudyMeasurer measurer, MeasurementCache cache, bool measureAccuracy, Action<StudyProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config.Validated();
        this.measurer = measurer ?? throw new ArgumentNullException(nameof(measurer));
        this.cache = cache ?? throw new ArgumentNullException(nameof(cache));
        this.measureAccuracy = measureAccuracy && config.AccuracyModel is not null;
        this.progress = progress ?? (_ => { });
        machine = string.Join(";", measurer.Machine.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Measures (or reuses) every cell and returns the study's inputs.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; every finished cell is in the cache.</exception>
    public StudyMeasurements Run(CancellationToken cancellationToken)
    {
        var models = config.Models;
        var full = new Dictionary<string, PreparedVariant>(StringComparer.Ordinal);
        var pruned = new Dictionary<string, PreparedVariant>(StringComparer.Ordinal);
        var step = 0;
        foreach (var model in models)
        {
            full[model] = Prepare(ModelVariant.Full(model), ++step, models.Count * 2, cancellationToken);
            pruned[model] = Prepare(config.ComparisonVariant(model), ++step, models.Count * 2, cancellationToken);
        }

        var device = new Dictionary<string, (LatencyStatistics Full, LatencyStatistics Pruned)>(StringComparer.Ordinal);
        step = 0;
        foreach (var model in models)
        {
            var f = Inference(full[model], StudyRole.Device, 0, "device", ++step, models.Count * 2, cancellationToken);
            var p = Inference(pruned[model], StudyRole.Device, 0, "device", ++step, models.Count * 2, cancellationToken);
            device[model] = (f, p);
        }

        var edge = MeasureEdge(models, full, pruned, cancellationToken);
        var byFactor = MeasurePruneByFactor(models, full, cancellationToken);
        var skipped = new List<string>();
        var accuracy = MeasureAccuracy(skipped, cancellationToken);
        var tradeoff = MeasureTradeoff(accuracy, cancellationToken);

        return new StudyMeasurements
        {
            Models = models.Select(m => new ModelMeasurements
            {
                Model = m,
                Full = full[m],
                Pruned = pruned[m],
                DeviceFull = device[m].Full,
                DevicePruned = device[m].Pruned,
                Edge = edge[m],
                PruneByFactor = byFactor[m],
            }).ToArray(),
            Accuracy = accuracy,
            AccuracySkipped = skipped,
            Tradeoff = tradeoff,
            AccuracyNote = measureAccuracy ? null : config.AccuracyModel is null
                ? "accuracy was not asked for (accuracyModel is null)"
                : "no accuracy evaluator is available in this build",
        };
    }

    private Dictionary<string, List<EdgeLoadMeasurement>> MeasureEdge(
        IReadOnlyList<string> models, Dictionary<string, PreparedVariant> full, Dictionary<string, PreparedVariant> pruned, CancellationToken cancellationToken)
    {
        var result = models.ToDictionary(m => m, _ => new List<EdgeLoadMeasurement>(), StringComparer.Ordinal);
        var loads = config.EdgeLoads.Order().ToArray();
        var total = loads.Length * models.Count * 3;
        var step = 0;
        foreach (var load in loads)
        {
            // Derived prune timing times one build at the lowest load; the background-start check and the measurement agree on it.
            var derivePrune = DerivesPrune && load != loads[0];
            IDisposable? background = null;
            string? running = null;
            try
            {
                foreach (var model in models)
                {
                    var loadModel = config.LoadModel ?? model;
                    var keys = new[] { InferenceKey(full[model], StudyRole.Edge, load), InferenceKey(pruned[model], StudyRole.Edge, load) }
                        .Concat(derivePrune ? [] : [PruneKey(pruned[model].Spec, load)]);
                    if (keys.Any(k => !cache.Contains(k)) && running != loadModel)
                    {
                        background?.Dispose();
                        background = null;
                        if (load > 0)
                        {
                            progress(new StudyProgress("edge", step, total, $"starting {load} background task(s) of {loadModel} ..."));
                        }

                        background = measurer.StartEdgeLoad(loadModel, load, cancellationToken);
                        running = loadModel;
                    }

                    var f = Inference(full[model], StudyRole.Edge, load, "edge", ++step, total, cancellationToken);
                    var p = Inference(pruned[model], StudyRole.Edge, load, "edge", ++step, total, cancellationToken);
                    result[model].Add(derivePrune
                        ? Derive(result[model][0], pruned[model].Spec, load, f, p, "edge", ++step, total)
                        : new EdgeLoadMeasurement(load, f, p, Prune(full[model], pruned[model].Spec, load, "edge", ++step, total, cancellationToken)));
                }
            }
            finally
            {
                background?.Dispose();
            }
        }

        return result;
    }

    /// <summary>
    /// T_pr at <paramref name="load"/> from the lowest load's measured T_pr and the full model's measured edge slowdown
    /// (<see cref="PruneTiming.Derived"/>): every statistic scaled by T_edge,full(load) / T_edge,full(lowest).
    /// </summary>
    private EdgeLoadMeasurement Derive(
        EdgeLoadMeasurement lowest, ModelVariant spec, int load, LatencyStatistics full, LatencyStatistics pruned, string phase, int step, int total)
    {
        var slowdown = full.MedianSeconds / lowest.Full.MedianSeconds;
        var p = lowest.Prune;
        var prune = p with
        {
            MedianSeconds = p.MedianSeconds * slowdown,
            P90Seconds = p.P90Seconds * slowdown,
            P99Seconds = p.P99Seconds * slowdown,
            MinSeconds = p.MinSeconds * slowdown,
            MaxSeconds = p.MaxSeconds * slowdown,
            MeanSeconds = p.MeanSeconds * slowdown,
        };
        progress(new StudyProgress(phase, step, total, F($"prune  {spec} load {load,3}: derived {prune.MedianSeconds:F3} s ")
            + F($"(measured {p.MedianSeconds:F3} s at load {lowest.Load} x edge slowdown {slowdown:F2})")));
        return new EdgeLoadMeasurement(load, full, pruned, prune, PruneDerived: true);
    }

    private Dictionary<string, List<PruneAtFactor>> MeasurePruneByFactor(
        IReadOnlyList<string> models, Dictionary<string, PreparedVariant> full, CancellationToken cancellationToken)
    {
        var factors = DerivesPrune ? [] : config.PruningFactors.Where(pf => !pf.IsZero).Order().ToArray();
        var result = models.ToDictionary(m => m, _ => new List<PruneAtFactor>(), StringComparer.Ordinal);
        var step = 0;
        foreach (var model in models)
        {
            foreach (var pf in factors)
            {
                var spec = ModelVariant.Pruned(model, config.PruningMethod, pf).WithPrecision(config.ComparisonPrecision);
                var seconds = Prune(full[model], spec, 0, "pruning", ++step, factors.Length * models.Count, cancellationToken);
                result[model].Add(new PruneAtFactor(pf.Value, seconds));
            }
        }

        return result;
    }

    /// <summary>
    /// Top-1/Top-5 of every variant of <see cref="StudyConfig.AccuracyVariants"/>. A pruned variant that cannot be built
    /// or evaluated here (an input exception: e.g. a method whose builder this build does not have) is not fatal: it is
    /// left out and listed in <paramref name="skipped"/> with the reason, which the report prints; the full model's is fatal.
    /// </summary>
    private List<MeasuredAccuracy> MeasureAccuracy(List<string> skipped, CancellationToken cancellationToken)
    {
        var points = new List<MeasuredAccuracy>();
        if (!measureAccuracy)
        {
            return points;
        }

        var variants = config.AccuracyVariants();
        var step = 0;
        foreach (var variant in variants)
        {
            var key = new MeasurementKey("accuracy", variant.Model, variant.Name, "-", 0, Settings(("images", config.AccuracyImages)), machine);
            try
            {
                points.Add(Cached(
                    key,
                    "accuracy",
                    ++step,
                    variants.Count,
                    () => measurer.MeasureAccuracy(variant, config.AccuracyImages, cancellationToken),
                    a => F($"{variant}: top-1 {a.Top1:P1}, top-5 {a.Top5:P1} ({a.Images} images)")));
            }
            catch (Core.EdgeInferInputException ex) when (!variant.IsFull)
            {
                skipped.Add($"{variant.Name}: {ex.Message}");
                progress(new StudyProgress("accuracy", step, variants.Count, $"{variant}: not measured, {ex.Message}"));
            }
        }

        return points;
    }

    /// <summary>
    /// The accuracy model's speed trade-off (one cell: every variant alternates with the same full-model session), with
    /// the accuracy just measured put in each row; null when accuracy was skipped.
    /// </summary>
    private TradeoffResult? MeasureTradeoff(IReadOnlyList<MeasuredAccuracy> accuracy, CancellationToken cancellationToken)
    {
        if (!measureAccuracy || config.AccuracyModel is not { } model)
        {
            return null;
        }

        // Only the variants whose accuracy was measured: a point without a Top-1 has no place in the trade-off.
        var variants = config.AccuracyVariants().Where(v => accuracy.Any(a => a.Variant.Name == v.Name)).ToArray();
        var settings = Settings(
            ("variants", string.Join(",", variants.Select(v => v.Name))),
            ("samples", Math.Max(config.Samples, OrtStudyMeasurer.TradeoffSamples)),
            ("warmup", config.WarmupRuns),
            ("threads", config.DeviceThreads));
        var key = new MeasurementKey("tradeoff", model, "all", "device", 0, settings, machine);
        var speed = Cached(key, "tradeoff", 1, 1, () => measurer.MeasureTradeoff(model, variants, cancellationToken), t =>
            F($"{model}: {t.Rows.Count} variants timed against the full model, fastest ")
            + F($"{t.Rows.MaxBy(r => r.Speedup)!.Variant.Name} at {t.Rows.Max(r => r.Speedup):0.00}x"));
        return speed with
        {
            Rows = [.. speed.Rows.Select(row => row with
            {
                Accuracy = [.. accuracy.Where(a => a.Variant.Name == row.Variant.Name).Select(a => new TradeoffAccuracy(a.Dataset, a.Images, a.Top1, a.Top5))],
            })],
        };
    }

    private PreparedVariant Prepare(ModelVariant spec, int step, int total, CancellationToken cancellationToken)
    {
        // The cached sizes describe one file: when that file is gone or was replaced (another size), prepare it again.
        var settings = spec.NeedsCalibration ? Settings(("seed", 42), ("calibrationImages", config.TimingCalibrationImages)) : "seed=42";
        var key = new MeasurementKey("variant", spec.Model, spec.Name, "-", 0, settings, "any");
        var prepared = Cached(key, "models", step, total, () => measurer.Prepare(spec, cancellationToken), v =>
            F($"{spec}: {v.OnnxBytes / 1e6:F1} MB ONNX, {v.TransferBytes / 1e6:F1} MB to transfer, {v.Parameters:N0} non-zero parameters"));
        if (File.Exists(prepared.ModelPath) && new FileInfo(prepared.ModelPath).Length == prepared.OnnxBytes)
        {
            return prepared;
        }

        prepared = measurer.Prepare(spec, cancellationToken);
        cache.Store(key, prepared);
        return prepared;
    }

    private LatencyStatistics Inference(
        PreparedVariant variant, StudyRole role, int load, string phase, int step, int total, CancellationToken cancellationToken) =>
        Cached(InferenceKey(variant, role, load), phase, step, total, () => measurer.MeasureInference(variant, role, cancellationToken), s =>
            F($"{role.ToString().ToLowerInvariant(),-6} {variant.Spec} load {load,3}: ")
            + F($"median {s.MedianSeconds * 1e3:F2} ms, p90 {s.P90Seconds * 1e3:F2} ms ({s.Count} samples)"));

    private LatencyStatistics Prune(
        PreparedVariant full, ModelVariant spec, int load, string phase, int step, int total, CancellationToken cancellationToken) =>
        Cached(PruneKey(spec, load), phase, step, total, () => measurer.MeasurePruning(full, spec, PruneSamples, cancellationToken), s =>
            F($"prune  {spec} load {load,3}: median {s.MedianSeconds:F3} s ({s.Count} samples)"));

    private MeasurementKey InferenceKey(PreparedVariant variant, StudyRole role, int load) => role == StudyRole.Device
        ? new MeasurementKey(
            "inference",
            variant.Spec.Model,
            variant.Spec.Name,
            "device",
            0,
            Settings(("samples", config.Samples), ("warmup", config.WarmupRuns), ("threads", config.DeviceThreads)),
            machine)
        : new MeasurementKey(
            "inference",
            variant.Spec.Model,
            variant.Spec.Name,
            "edge",
            load,
            Settings(
                ("samples", config.Samples),
                ("warmup", config.WarmupRuns),
                ("threads", config.EdgeThreads ?? Environment.ProcessorCount),
                ("loadModel", config.LoadModel ?? variant.Spec.Model)),
            machine);

    /// <summary>Builds timed per pruning measurement: <c>pruneSamples</c>, or one when derived (a data-aware build takes minutes).</summary>
    private int PruneSamples => DerivesPrune ? 1 : config.PruneSamples;

    /// <summary>True when T_pr is timed at the lowest load only and derived above it (<see cref="PruneTiming.Derived"/>).</summary>
    private bool DerivesPrune => config.EffectivePruneTiming == PruneTiming.Derived;

    private MeasurementKey PruneKey(ModelVariant spec, int load) =>
        new(
            "prune",
            spec.Model,
            spec.Name,
            "edge",
            load,
            spec.NeedsCalibration
                ? Settings(("pruneSamples", PruneSamples), ("loadModel", load == 0 ? "-" : config.LoadModel ?? spec.Model),
                    ("calibrationImages", config.TimingCalibrationImages))
                : Settings(("pruneSamples", PruneSamples), ("loadModel", load == 0 ? "-" : config.LoadModel ?? spec.Model)),
            machine);

    private T Cached<T>(MeasurementKey key, string phase, int step, int total, Func<T> measure, Func<T, string> describe)
    {
        var before = cache.Hits;
        var value = cache.GetOrMeasure(key, measure);
        progress(new StudyProgress(phase, step, total, describe(value) + (cache.Hits > before ? " (cached)" : "")));
        return value;
    }

    private static string Settings(params (string Name, object Value)[] settings) =>
        string.Join(";", settings.Select(s => s.Name + "=" + Convert.ToString(s.Value, CultureInfo.InvariantCulture)));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
