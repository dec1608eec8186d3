using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Compression.Building;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Load;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Study.Config;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// Measures for real: catalog models built into (and their variants of any kind built into, through
/// <see cref="VariantBuilder.AddToRepository"/>, so the edge server serves them as pre-made) a <see cref="ModelRepository"/>,
/// inference timed with <see cref="RuntimeSession"/> per role, edge load emulated with <see cref="EdgeLoad"/> (real CPU
/// contention), pruning timed file to file with <see cref="VariantBuilder.BuildFile"/>. Variants that need calibration
/// images (<c>channel-ls</c>, <c>int8</c>) get the embedded Fashion-MNIST training images preprocessed to each model's
/// input (<see cref="CalibrationImages.Provider"/>: config <c>timingCalibrationImages</c> for the timed networks,
/// <c>calibrationImages</c> for the accuracy model's trade-off); the set is prepared once and kept, so the timed prunes
/// measure the pruner, not the image decoding. Accuracy comes from the evaluator given to the
/// constructor (none: the accuracy phase is skipped); the accuracy model's speed trade-off from
/// <see cref="TradeoffMeasurer"/>.
/// </summary>
public sealed class OrtStudyMeasurer : IStudyMeasurer
{
    private readonly StudyConfig config;
    private readonly ModelRepository repository;
    private readonly AccuracyEvaluator? accuracy;
    private readonly VariantBuildOptions build;
    private readonly VariantBuildOptions tradeoffBuild;
    private readonly Dictionary<string, string> machine;

    /// <summary>Creates the measurer; <paramref name="config"/> must be valid.</summary>
    /// <param name="config">The study config.</param>
    /// <param name="repository">Where models and their variants are built.</param>
    /// <param name="accuracy">The accuracy evaluator, or null to skip the accuracy phase.</param>
    /// <param name="calibration">Calibration images for data-aware variants; null: the embedded training images (see above).</param>
    public OrtStudyMeasurer(
        StudyConfig config, ModelRepository repository, AccuracyEvaluator? accuracy = null, CalibrationProvider? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(repository);
        this.config = config.Validated();
        this.repository = repository;
        this.accuracy = accuracy;
        build = new VariantBuildOptions { Calibration = calibration ?? CalibrationImages.Provider(count: this.config.TimingCalibrationImages) };
        tradeoffBuild = new VariantBuildOptions { Calibration = calibration ?? CalibrationImages.Provider(count: this.config.CalibrationImages) };
        var m = MachineProbe.Current();
        machine = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cpu"] = m.CpuModel,
            ["logicalCores"] = m.LogicalCores.ToString(CultureInfo.InvariantCulture),
            ["memoryBytes"] = m.MemoryBytes.ToString(CultureInfo.InvariantCulture),
            ["os"] = m.OperatingSystem,
            ["onnxRuntime"] = m.OnnxRuntimeVersion,
            ["dotnet"] = m.DotnetVersion,
        };
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Machine => machine;

    /// <summary>Least timed runs per variant of the accuracy model's trade-off (each alternating with the full model).</summary>
    public const int TradeoffSamples = 20;

    /// <summary>True when an accuracy evaluator was given.</summary>
    public bool CanMeasureAccuracy => accuracy is not null;

    /// <inheritdoc />
    public PreparedVariant Prepare(ModelVariant spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();
        var full = repository.GetOrBuild(spec.Model);
        if (spec.IsFull)
        {
            return new PreparedVariant(
                spec, full.ModelPath, full.Metadata.SizeBytes, full.Metadata.SizeBytes, full.Metadata.Parameters, full.Metadata.Macs, full.Metadata.Trained);
        }

        var folder = Directory.CreateTempSubdirectory("edgeinfer-study-").FullName;
        try
        {
            var wire = Path.Combine(folder, "model.eiw");
            var (entry, report) = VariantBuilder.AddToRepository(repository, full, spec, build with { WirePath = wire });
            return new PreparedVariant(
                spec, entry.ModelPath, entry.Metadata.SizeBytes, new FileInfo(wire).Length, report.ParametersAfter, report.MacsAfter, entry.Metadata.Trained);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <inheritdoc />
    public IDisposable StartEdgeLoad(string loadModel, int load, CancellationToken cancellationToken) =>
        new LoadScope(load, load == 0 ? null : repository.GetOrBuild(loadModel).ModelPath, cancellationToken);

    /// <inheritdoc />
    public LatencyStatistics MeasureInference(PreparedVariant variant, StudyRole role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var options = new RuntimeOptions
        {
            Role = role == StudyRole.Device ? RuntimeRole.Device : RuntimeRole.Edge,
            IntraOpThreads = role == StudyRole.Device ? config.DeviceThreads : config.EdgeThreads,
            WarmupRuns = config.WarmupRuns,
        };
        cancellationToken.ThrowIfCancellationRequested();
        using var session = RuntimeSession.Open(variant.ModelPath, options);
        using var abort = cancellationToken.Register(session.Terminate);
        try
        {
            return session.Measure(config.Samples, cancellationToken: cancellationToken);
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("Measurement was cancelled.", ex, cancellationToken);
        }
    }

    /// <inheritdoc />
    public LatencyStatistics MeasurePruning(PreparedVariant full, ModelVariant spec, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var folder = Directory.CreateTempSubdirectory("edgeinfer-prune-").FullName;
        try
        {
            var seconds = new double[samples];
            for (var i = 0; i < seconds.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var output = Path.Combine(folder, "pruned.onnx");
                var start = Stopwatch.GetTimestamp();
                VariantBuilder.BuildFile(full.ModelPath, output, spec, build);
                seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                File.Delete(output);
            }

            return LatencyStatistics.From(seconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <inheritdoc />
    public MeasuredAccuracy MeasureAccuracy(ModelVariant variant, int images, CancellationToken cancellationToken) =>
        accuracy is { } evaluate
            ? evaluate(variant, images, cancellationToken)
            : throw new InvalidOperationException("No accuracy evaluator was given; the accuracy phase should have been skipped.");

    /// <inheritdoc />
    /// <remarks>
    /// At the device role's threads, at least <see cref="TradeoffSamples"/> timed runs per variant (the study's
    /// <c>samples</c> when more) and at least one warm-up: a ratio of two medians needs more runs than one median. The
    /// variants are built with the study's calibration images (config <c>calibrationImages</c>), as its other builds are.
    /// </remarks>
    public TradeoffResult MeasureTradeoff(string model, IReadOnlyList<ModelVariant> variants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var options = new TradeoffOptions
        {
            Model = model,
            FullModel = File.ReadAllBytes(repository.Get(model).ModelPath),
            Variants = variants,
            Samples = Math.Max(config.Samples, TradeoffSamples),
            WarmupRuns = Math.Max(config.WarmupRuns, 1),
            IntraOpThreads = config.DeviceThreads,
            Build = VariantFactories.Builder(tradeoffBuild),
        };
        return TradeoffMeasurer.Measure(options, cancellationToken: cancellationToken);
    }

    private sealed class LoadScope(int load, string? model, CancellationToken cancellationToken) : IDisposable
    {
        private readonly EdgeLoad? background = model is null ? null : EdgeLoad.Start(model, load, cancellationToken: cancellationToken);

        public void Dispose() => background?.Dispose();
    }
}
