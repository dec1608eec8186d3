using EdgeInfer.Core.Radio;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Figures;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Study.Findings;

/// <summary>Everything a finished study produced: inputs, derived numbers and the files written.</summary>
public sealed record StudyResult
{
    /// <summary>The config that ran.</summary>
    public required StudyConfig Config { get; init; }

    /// <summary>Preset name the config started from.</summary>
    public required string Preset { get; init; }

    /// <summary>The output folder.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Machine description.</summary>
    public required IReadOnlyDictionary<string, string> Machine { get; init; }

    /// <summary>Link rates of the configured radio (D_ul, D_dl).</summary>
    public required LinkRates Rates { get; init; }

    /// <summary>The measured inputs.</summary>
    public required StudyMeasurements Measurements { get; init; }

    /// <summary>Load and Q thresholds per model.</summary>
    public required IReadOnlyList<ModelThresholds> Thresholds { get; init; }

    /// <summary>Planner decisions for representative scenarios.</summary>
    public required IReadOnlyList<PlannerDecision> Decisions { get; init; }

    /// <summary>The accuracy every decision used and where it came from (the trained proxy), or why there was none.</summary>
    public DecisionAccuracy? DecisionAccuracy { get; init; }

    /// <summary>The paper's headline findings next to ours.</summary>
    public required IReadOnlyList<HeadlineFinding> Findings { get; init; }

    /// <summary>The figures (data).</summary>
    public required IReadOnlyList<Figure> Figures { get; init; }

    /// <summary>Every file written, relative to <see cref="OutputFolder"/>.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Estimated edge-phase seconds of the <c>paper</c> preset on this machine (<see cref="StudyEstimate"/>), when the models allow it.</summary>
    public double? PaperPresetEdgeSeconds { get; init; }

    /// <summary>Start of the run (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>End of the run (UTC).</summary>
    public required DateTimeOffset FinishedUtc { get; init; }

    /// <summary>Cache entries reused.</summary>
    public required int CacheHits { get; init; }

    /// <summary>Cache entries measured.</summary>
    public required int CacheMisses { get; init; }

    /// <summary>Wall time of the run, seconds.</summary>
    public double WallSeconds => (FinishedUtc - StartedUtc).TotalSeconds;
}
