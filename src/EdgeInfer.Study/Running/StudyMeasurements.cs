using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Running;

/// <summary>The measured inputs of the study: per model, and the accuracy curve of the trained model.</summary>
public sealed record StudyMeasurements
{
    /// <summary>One entry per configured model, in config order.</summary>
    public required IReadOnlyList<ModelMeasurements> Models { get; init; }

    /// <summary>Top-1/Top-5 per method and pruning factor; empty when accuracy was skipped.</summary>
    public required IReadOnlyList<AccuracyRecord> Accuracy { get; init; }

    /// <summary>Why accuracy is missing, when it is.</summary>
    public string? AccuracyNote { get; init; }
}
