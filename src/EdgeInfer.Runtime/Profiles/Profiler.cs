using System.Globalization;
using EdgeInfer.Core;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Load;
using EdgeInfer.Runtime.Measurement;
using Microsoft.ML.OnnxRuntime;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// Measures a profile: for each target, the device role once (load 0), then the edge role at every load level with
/// an <see cref="EdgeLoad"/> running in the background; for pruned variants with a pruner, also the time to prune
/// the full model file under each load. Cancellation stops between (and, for background tasks, inside) inferences;
/// a run in progress is aborted (<see cref="RuntimeSession.Terminate"/>) so even a long ResNet-152 inference under load
/// stops at once; the partial result is discarded (nothing is returned), so no profile can look complete when it is not.
/// </summary>
public sealed class Profiler
{
    private readonly ProfilerOptions options;
    private readonly PruneFile? prune;
    private readonly TimeProvider time;

    /// <summary>Creates a profiler; <paramref name="options"/> are validated here.</summary>
    /// <param name="options">What to measure.</param>
    /// <param name="prune">Pruner timed for pruned variants under each load; null to skip prune timing.</param>
    /// <param name="time">Clock for the timings; default the system clock.</param>
    public Profiler(ProfilerOptions options, PruneFile? prune = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Validated();
        this.prune = prune;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Measures every target and returns a complete profile.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; background tasks have ended.</exception>
    public ProfileDocument Run(IReadOnlyList<ProfileTarget> targets, Action<ProfileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckTargets(targets);
        var loads = options.Loads.Order().ToArray();
        var total = targets.Count * ((options.MeasureDevice ? 1 : 0) + (options.MeasureEdge ? loads.Length : 0));
        var step = 0;
        void Report(string message) => progress?.Invoke(new ProfileProgress(++step, total, message));

        var machine = MachineProbe.Current();
        var deviceOptions = RoleOptions(RuntimeRole.Device, options.DeviceThreads);
        var edgeOptions = RoleOptions(RuntimeRole.Edge, options.EdgeThreads);
        var deviceModels = new List<ProfiledModel>();
        var edgeModels = new List<ProfiledModel>();
        try
        {
            foreach (var target in targets)
            {
                if (options.MeasureDevice)
                {
                    // The first device model is opened after ORT's initialisation, as a device does before its first download.
                    deviceModels.Add(MeasureDevice(target, deviceOptions, initialise: deviceModels.Count == 0, Report, cancellationToken));
                }

                if (options.MeasureEdge)
                {
                    edgeModels.Add(Entry(target, MeasureEdge(target, loads, edgeOptions, Report, cancellationToken)));
                }
            }
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation aborted a foreground run in progress (RunOptions.Terminate).
            throw new OperationCanceledException("Profiling was cancelled.", ex, cancellationToken);
        }

        var measuredAt = time.GetUtcNow();
        return new ProfileDocument
        {
            Complete = true,
            Device = options.MeasureDevice ? Role(machine, deviceOptions, [0], deviceModels, measuredAt, pruneSamples: 0) : null,
            Edge = options.MeasureEdge ? Role(machine, edgeOptions, loads, edgeModels, measuredAt, prune is null ? 0 : options.PruneSamples) : null,
        };
    }

    /// <summary>At least one target, and every target's file exists.</summary>
    private static void CheckTargets(IReadOnlyList<ProfileTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new EdgeInferInputException("Nothing to profile: give at least one model.");
        }

        foreach (var target in targets)
        {
            if (!File.Exists(target.ModelPath))
            {
                throw new EdgeInferInputException($"Model file '{target.ModelPath}' of '{target.Model}/{target.Variant}' does not exist.");
            }
        }
    }

    private RuntimeOptions RoleOptions(RuntimeRole role, int? threads) => new RuntimeOptions
    {
        Role = role,
        IntraOpThreads = threads,
        WarmupRuns = options.WarmupRuns,
        AllowSpinning = options.AllowSpinning,
    }.Validated();

    /// <summary>
    /// The device role at load 0: inference, and with <see cref="ProfilerOptions.SetupSamples"/> the session opens and wire
    /// decodes (ORT initialised first when <paramref name="initialise"/>, so that the first open is a device's first open).
    /// </summary>
    private ProfiledModel MeasureDevice(
        ProfileTarget target, RuntimeOptions deviceOptions, bool initialise, Action<string> report, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options.SetupSamples > 0 && initialise)
        {
            RuntimeWarmup.Warm(deviceOptions);
        }

        var opening = time.GetTimestamp();
        using var session = RuntimeSession.Open(target.ModelPath, deviceOptions);
        var firstOpen = time.GetElapsedTime(opening).TotalSeconds;
        using var abort = cancellationToken.Register(session.Terminate);
        var stats = session.Measure(options.Samples, time, cancellationToken);
        var (open, decode) = MeasureSetup(target, deviceOptions, firstOpen, cancellationToken);
        report(Line("device", target, 0, stats));
        return Entry(target, [new LoadMeasurement
        {
            Load = 0,
            Inference = stats,
            SessionOpenSeconds = open,
            FirstSessionOpenSeconds = open is null ? null : firstOpen,
            WireDecodeSeconds = decode,
        }]);
    }

    private List<LoadMeasurement> MeasureEdge(
        ProfileTarget target, int[] loads, RuntimeOptions edgeOptions, Action<string> report, CancellationToken cancellationToken)
    {
        var measurements = new List<LoadMeasurement>();
        cancellationToken.ThrowIfCancellationRequested();
        using var session = RuntimeSession.Open(target.ModelPath, edgeOptions);
        using var abort = cancellationToken.Register(session.Terminate);
        foreach (var load in loads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var background = EdgeLoad.Start(options.LoadModelPath ?? target.ModelPath, load, cancellationToken: cancellationToken);
            var before = background.CompletedInferences;
            session.WarmUp(options.WarmupRuns);
            var stats = session.Measure(options.Samples, time, cancellationToken);
            var pruneStats = MeasurePrune(target, cancellationToken);
            background.ThrowIfFaulted();
            var line = Line("edge", target, load, stats);
            if (pruneStats is not null)
            {
                line += string.Create(CultureInfo.InvariantCulture, $"; prune median {pruneStats.MedianSeconds:F3} s");
            }

            report(line);
            measurements.Add(new LoadMeasurement
            {
                Load = load,
                Inference = stats,
                PruneSeconds = pruneStats,
                BackgroundInferences = background.CompletedInferences - before,
            });
        }

        return measurements;
    }

    /// <summary>
    /// The first open (<paramref name="firstOpen"/>) and <see cref="ProfilerOptions.SetupSamples"/> more session opens of
    /// the variant and, for a pruned variant, as many wire decodes of it (decode + write the ONNX file).
    /// </summary>
    private (LatencyStatistics? Open, LatencyStatistics? Decode) MeasureSetup(
        ProfileTarget target, RuntimeOptions deviceOptions, double firstOpen, CancellationToken cancellationToken)
    {
        if (options.SetupSamples == 0)
        {
            return (null, null);
        }

        var opens = new double[options.SetupSamples + 1];
        opens[0] = firstOpen;
        for (var i = 1; i < opens.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = time.GetTimestamp();
            using (RuntimeSession.Open(target.ModelPath, deviceOptions))
            {
                opens[i] = time.GetElapsedTime(start).TotalSeconds;
            }
        }

        if (target.PruningFactor is null)
        {
            return (LatencyStatistics.From(opens), null);
        }

        var folder = Directory.CreateTempSubdirectory("edgeinfer-decode-").FullName;
        try
        {
            var wire = Path.Combine(folder, "model.eiw");
            Pruning.Wire.WireCodec.EncodeFile(target.ModelPath, wire);
            var decode = new double[options.SetupSamples];
            for (var i = 0; i < decode.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = time.GetTimestamp();
                Models.Files.OnnxModelFile.Save(Pruning.Wire.WireCodec.Decode(File.ReadAllBytes(wire), wire), Path.Combine(folder, $"decoded-{i}.onnx"));
                decode[i] = time.GetElapsedTime(start).TotalSeconds;
            }

            return (LatencyStatistics.From(opens), LatencyStatistics.From(decode));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private LatencyStatistics? MeasurePrune(ProfileTarget target, CancellationToken cancellationToken)
    {
        if (prune is null || target.PrunedFromPath is null || options.PruneSamples == 0)
        {
            return null;
        }

        var folder = Directory.CreateTempSubdirectory("edgeinfer-prune-").FullName;
        try
        {
            var seconds = new double[options.PruneSamples];
            for (var i = 0; i < seconds.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var output = Path.Combine(folder, $"pruned-{i}.onnx");
                var start = time.GetTimestamp();
                prune(target.PrunedFromPath, output, cancellationToken);
                seconds[i] = time.GetElapsedTime(start).TotalSeconds;
                File.Delete(output);
            }

            return LatencyStatistics.From(seconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ProfiledModel Entry(ProfileTarget target, List<LoadMeasurement> measurements) => new()
    {
        Model = target.Model,
        Variant = target.Variant,
        PruningFactor = target.PruningFactor,
        PruningMethod = target.PruningMethod,
        SizeBytes = new FileInfo(target.ModelPath).Length,
        Trained = target.Trained,
        Measurements = measurements,
    };

    private RoleProfile Role(
        MachineInfo machine, RuntimeOptions runtime, IReadOnlyList<int> loads, List<ProfiledModel> models, DateTimeOffset measuredAt, int pruneSamples) => new()
    {
        Machine = machine,
        MeasuredAtUtc = measuredAt,
        Models = models,
        Settings = new ProfileSettings
        {
            Samples = options.Samples,
            WarmupRuns = options.WarmupRuns,
            IntraOpThreads = runtime.EffectiveIntraOpThreads,
            AllowSpinning = runtime.AllowSpinning,
            Loads = loads,
            LoadModel = runtime.Role == RuntimeRole.Edge && options.LoadModelPath is { } path ? Path.GetFileName(path) : null,
            PruneSamples = pruneSamples,
        },
    };

    private static string Line(string role, ProfileTarget target, int load, LatencyStatistics stats) =>
        string.Create(CultureInfo.InvariantCulture, $"{role,-6} {target.Model}/{target.Variant} load {load,3}: ")
        + string.Create(CultureInfo.InvariantCulture, $"median {stats.MedianSeconds * 1e3:F2} ms, p90 {stats.P90Seconds * 1e3:F2} ms ({stats.Count} samples)");
}
