using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Running;

/// <summary>The measured inputs of the study: per model, and the accuracy curve of the trained model.</summary>
public sealed record StudyMeasurements
{
    /// <summary>One entry per configured model, in config order.</summary>
    public required IReadOnlyList<ModelMeasurements> Models { get; init; }

    /// <summary>Top-1/Top-5 of each variant of the accuracy model (<c>StudyConfig.AccuracyVariants</c>); empty when accuracy was skipped.</summary>
    public required IReadOnlyList<MeasuredAccuracy> Accuracy { get; init; }

    /// <summary>Variants of the accuracy model left out of <see cref="Accuracy"/>, each with the reason (<c>channel-ls-0.30: …</c>).</summary>
    public IReadOnlyList<string> AccuracySkipped { get; init; } = [];

    /// <summary>The accuracy model's trade-off (speedup, MACs and Top-1 of each variant; the Pareto figure); null when accuracy was skipped.</summary>
    public TradeoffResult? Tradeoff { get; init; }

    /// <summary>Why accuracy is missing, when it is.</summary>
    public string? AccuracyNote { get; init; }
}
