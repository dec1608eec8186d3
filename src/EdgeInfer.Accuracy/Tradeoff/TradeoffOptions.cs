using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Accuracy.Tradeoff;

/// <summary>What <see cref="TradeoffMeasurer"/> measures. Validate once with <see cref="Validated"/>, which lists every problem.</summary>
public sealed record TradeoffOptions
{
    /// <summary>The model's name (the <see cref="ModelVariant.Model"/> of every variant).</summary>
    public required string Model { get; init; }

    /// <summary>The full model, ONNX bytes.</summary>
    public required byte[] FullModel { get; init; }

    /// <summary>The variants to compare with the full model (a full variant in the list is measured once, as the first row).</summary>
    public required IReadOnlyList<ModelVariant> Variants { get; init; }

    /// <summary>Datasets to measure Top-1/Top-5 on (prepared with the model's preprocessing); empty measures speed only.</summary>
    public IReadOnlyList<PreparedDataset> Datasets { get; init; } = [];

    /// <summary>Timed runs of each variant, alternating with as many of the full model, in [1, 100000]. Default 30.</summary>
    public int Samples { get; init; } = 30;

    /// <summary>Untimed runs when each session opens, in [0, 1000]. Default 5.</summary>
    public int WarmupRuns { get; init; } = 5;

    /// <summary>ORT intra-op threads of the timed sessions, in [1, 1024]. Default 1 (batch 1, one thread: the device's setting).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>ORT intra-op threads of the accuracy evaluation; null: all cores.</summary>
    public int? EvaluationThreads { get; init; }

    /// <summary>How variants are built from the full model. Default <see cref="VariantFactories.Default"/>.</summary>
    public VariantFactory Build { get; init; } = VariantFactories.Default;

    /// <summary>Every problem, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Model))
        {
            problems.Add("model must be named");
        }

        if (FullModel is null || FullModel.Length == 0)
        {
            problems.Add("fullModel must hold the model's bytes");
        }

        if (Variants is null || Variants.Any(v => v is null || v.Model != Model))
        {
            problems.Add($"variants must be variants of {Model}");
        }
        else if (Variants.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != Variants.Count)
        {
            problems.Add("variants repeat a variant");
        }

        if (Samples is < 1 or > 100_000)
        {
            problems.Add($"samples {Samples} is outside [1, 100000]");
        }

        if (WarmupRuns is < 0 or > 1000)
        {
            problems.Add($"warmupRuns {WarmupRuns} is outside [0, 1000]");
        }

        if (IntraOpThreads is < 1 or > 1024 || EvaluationThreads is < 1 or > 1024)
        {
            problems.Add($"intraOpThreads {IntraOpThreads} and evaluationThreads {EvaluationThreads} must be in [1, 1024]");
        }

        return problems;
    }

    /// <summary>Throws one <see cref="EdgeInferInputException"/> listing every problem; returns this when valid.</summary>
    public TradeoffOptions Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid trade-off options: " + string.Join("; ", problems) + ".");
    }
}
