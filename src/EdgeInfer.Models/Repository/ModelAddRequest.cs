using EdgeInfer.Core;

namespace EdgeInfer.Models.Repository;

/// <summary>What to record when adding a variant to a <see cref="ModelRepository"/>; the measured fields are filled in by the repository.</summary>
public sealed record ModelAddRequest
{
    /// <summary>Model name: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; no path separators or <c>..</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Variant name (same rules); default <see cref="ModelRepository.FullVariant"/>.</summary>
    public string Variant { get; init; } = ModelRepository.FullVariant;

    /// <summary>Whether the weights are trained (imports: true unless the user says otherwise).</summary>
    public required bool Trained { get; init; }

    /// <summary>Provenance, e.g. <c>catalog:resnet152</c>, an original file path, or <c>resnet152/full</c> for a pruned variant.</summary>
    public required string Source { get; init; }

    /// <summary>Catalog architecture, if any.</summary>
    public string? Architecture { get; init; }

    /// <summary>Weight seed of built models.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Pruning factor in [0, 1) for pruned variants.</summary>
    public double? PruningFactor { get; init; }

    /// <summary>Pruning method for pruned variants.</summary>
    public string? PruningMethod { get; init; }

    /// <summary>Fraction of the full model's MACs kept, in (0, 1), for variants pruned to a MACs budget (pruning factor 0).</summary>
    public double? MacsBudget { get; init; }

    /// <summary>Number format of quantized variants (<c>int8</c>); null for the float model as built or pruned.</summary>
    public string? Precision { get; init; }

    /// <summary>Checks every field once; returns this request, or throws one message listing every problem.</summary>
    /// <exception cref="EdgeInferInputException">Some field is invalid.</exception>
    public ModelAddRequest Validated()
    {
        var problems = new List<string>();
        if (ModelNames.Problem(Name, "model name") is { } n)
        {
            problems.Add(n);
        }

        if (ModelNames.Problem(Variant, "variant name") is { } v)
        {
            problems.Add(v);
        }

        if (PruningFactor is { } pf && (double.IsNaN(pf) || pf < 0 || pf >= 1))
        {
            problems.Add($"pruning factor {pf} is outside [0, 1)");
        }

        if ((PruningFactor is null) != (PruningMethod is null))
        {
            problems.Add("pruning factor and pruning method go together (give both or neither)");
        }

        if (MacsBudget is { } budget && (double.IsNaN(budget) || budget <= 0 || budget >= 1))
        {
            problems.Add($"MACs budget {budget} is outside (0, 1)");
        }

        if (MacsBudget is not null && PruningMethod is null)
        {
            problems.Add("a MACs budget needs a pruning method");
        }

        if (Precision is not null && ModelNames.Problem(Precision, "precision") is { } p)
        {
            problems.Add(p);
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add("source is empty");
        }

        if (problems.Count > 0)
        {
            throw new EdgeInferInputException("Cannot add the model: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
