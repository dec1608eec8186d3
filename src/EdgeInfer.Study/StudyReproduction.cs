using System.Reflection;
using System.Text.Json;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Core.Radio;
using EdgeInfer.Models.Files;
using EdgeInfer.Study.Figures;
using EdgeInfer.Study.Findings;
using EdgeInfer.Study.Measurement;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Study;

/// <summary>
/// The whole study: measure (through the cache), compute figures, thresholds, decisions (under the accuracy minimum of
/// <see cref="DecisionAccuracy"/>) and findings with the Core planner, and write <c>figures/*.csv|png|svg</c> (with the
/// accuracy model's <c>tradeoff.csv|md</c> and Pareto chart), <c>measurements.json</c>, <c>report.md</c> and <c>run.json</c>.
/// <c>run.json</c> is written first with <c>"complete": false</c> and rewritten at the end, so an interrupted run says so.
/// </summary>
public sealed class StudyReproduction(IStudyMeasurer measurer, IFigureRenderer? renderer, bool canMeasureAccuracy, TimeProvider? time = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>The EdgeInfer version (informational version of this assembly).</summary>
    public static string EdgeInferVersion =>
        typeof(StudyReproduction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs the study.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; finished measurements stay in the cache, run.json says incomplete.</exception>
    public StudyResult Run(ReproductionRequest request, Action<StudyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = request.Config.Validated();
        var report = progress ?? (_ => { });
        var started = clock.GetUtcNow();
        var output = Directory.CreateDirectory(request.OutputFolder).FullName;
        var rates = RadioChannel.Evaluate(config.Scenario.Radio, "scenario.radio.").Rates;
        WriteManifest(output, request, started, null, complete: false, files: []);

        var cache = new MeasurementCache(Path.Combine(output, "cache"), request.Fresh);
        var measurements = new StudyRunner(config, measurer, cache, canMeasureAccuracy, report).Run(cancellationToken);
        var accuracy = DecisionAccuracy.For(config, measurements);
        var models = measurements.Models.Select(m => new ModelCostInputs(config, m, accuracy)).ToArray();
        var thresholds = StudyThresholds.Compute(models, rates);
        var figures = StudyFigures.All(config, measurements, models, rates);

        var files = WriteFigures(figures, output, report, cancellationToken);
        if (measurements.Tradeoff is { } tradeoff)
        {
            // The accuracy model's speed-accuracy table and Pareto chart, by the same code as the tradeoff command.
            files.AddRange(TradeoffReport.Write(tradeoff, Path.Combine(output, "figures"), chart: renderer is not null));
            report(new StudyProgress("figures", figures.Count, figures.Count, $"{TradeoffReport.ChartName}: speedup versus Top-1 of {tradeoff.Model}"));
        }

        AtomicFile.WriteAllBytes(Path.Combine(output, "measurements.json"), JsonSerializer.SerializeToUtf8Bytes(measurements, Json));
        files.Add(Path.Combine(output, "measurements.json"));
        var finished = clock.GetUtcNow();
        var result = new StudyResult
        {
            Config = config,
            Preset = request.Preset,
            OutputFolder = output,
            Machine = measurer.Machine,
            Rates = rates,
            Measurements = measurements,
            Thresholds = thresholds,
            Decisions = StudyDecisions.Compute(models, rates, config.MaxRequests),
            DecisionAccuracy = accuracy,
            Findings = StudyFindings.Compute(config, models, rates),
            PaperPresetEdgeSeconds = models.All(m => m.Measured.Edge.Count > 1)
                ? StudyEstimate.EdgePhaseSeconds(PaperPreset(config), models)
                : null,
            Figures = figures,
            Files = [],
            StartedUtc = started,
            FinishedUtc = finished,
            CacheHits = cache.Hits,
            CacheMisses = cache.Misses,
        };
        AtomicFile.WriteAllText(Path.Combine(output, "report.md"), ReportWriter.Format(result));
        files.Add(Path.Combine(output, "report.md"));
        files.Add(Path.Combine(output, "run.json"));
        var relative = files.Select(f => Path.GetRelativePath(output, f)).ToArray();
        WriteManifest(output, request, started, result, complete: true, relative);
        report(new StudyProgress("report", 1, 1, $"report written to {Path.Combine(output, "report.md")}"));
        return result with { Files = relative };
    }

    /// <summary>Writes each figure's CSV (and, with a renderer, its images) into <c>figures/</c>; returns the files written.</summary>
    private List<string> WriteFigures(IReadOnlyList<Figure> figures, string output, Action<StudyProgress> report, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var figureFolder = Directory.CreateDirectory(Path.Combine(output, "figures")).FullName;
        for (var i = 0; i < figures.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files.Add(FigureCsv.Write(figures[i], figureFolder));
            if (renderer is not null)
            {
                files.AddRange(renderer.Render(figures[i], figureFolder));
            }

            report(new StudyProgress("figures", i + 1, figures.Count, $"{figures[i].Name}: {figures[i].Title}"));
        }

        return files;
    }

    private void WriteManifest(
        string output, ReproductionRequest request, DateTimeOffset started, StudyResult? result, bool complete, IReadOnlyList<string> files)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteBoolean("complete", complete);
            w.WriteString("preset", request.Preset);
            w.WriteString("configFile", request.ConfigPath is null ? null : Path.GetFullPath(request.ConfigPath));
            w.WriteBoolean("fresh", request.Fresh);
            w.WriteString("edgeInferVersion", EdgeInferVersion);
            w.WriteString("onnxRuntimeVersion", measurer.Machine.TryGetValue("onnxRuntime", out var ort) ? ort : "unknown");
            w.WriteStartObject("machine");
            foreach (var (key, value) in measurer.Machine.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteString("startedUtc", started);
            if (result is not null)
            {
                w.WriteString("finishedUtc", result.FinishedUtc);
                w.WriteNumber("wallSeconds", Math.Round(result.WallSeconds, 1));
                w.WriteNumber("cacheHits", result.CacheHits);
                w.WriteNumber("cacheMisses", result.CacheMisses);
            }

            w.WritePropertyName("config");
            Config.StudyConfigWriter.Write(w, request.Config);
            w.WriteStartArray("files");
            foreach (var file in files)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        AtomicFile.WriteAllBytes(Path.Combine(output, "run.json"), stream.ToArray());
    }

    /// <summary>This run's config at the <c>paper</c> preset's loads and sample counts (what <c>--preset paper</c> would measure).</summary>
    private static Config.StudyConfig PaperPreset(Config.StudyConfig config)
    {
        var paper = Config.StudyPresets.Paper;
        return config with { EdgeLoads = paper.EdgeLoads, Samples = paper.Samples, WarmupRuns = paper.WarmupRuns, PruneSamples = paper.PruneSamples };
    }
}
