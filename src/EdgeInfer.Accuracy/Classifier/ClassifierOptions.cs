namespace EdgeInfer.Accuracy.Classifier;

/// <summary>How <see cref="ClassifierBuilder"/> makes the <c>resnet18-fmnist</c> classifier.</summary>
public sealed record ClassifierOptions
{
    /// <summary>Model name in the repository. Default <c>resnet18-fmnist</c>.</summary>
    public string Name { get; init; } = "resnet18-fmnist";

    /// <summary>Square input side, pixels: 112 (default; GlobalAveragePool + symmetric padding) or 224 (the backbone's native size).</summary>
    public int InputSize { get; init; } = 112;

    /// <summary>Images per ORT batch during feature extraction (≥ 1). Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// L2 weights tried on a hold-out of the training set (<see cref="L2Selection"/>); one value skips the selection.
    /// Default 1, 10, 100, 1000.
    /// </summary>
    public IReadOnlyList<float> L2Candidates { get; init; } = [1f, 10f, 100f, 1000f];

    /// <summary>Head trainer settings (its L2 weight is replaced by the selected candidate).</summary>
    public HeadTrainerOptions Head { get; init; } = new();

    /// <summary>Throws one <see cref="Core.EdgeInferInputException"/> listing every problem (options come from the command line), if any.</summary>
    public ClassifierOptions Validated()
    {
        var problems = new List<string>();
        if (InputSize is < 32 or > 1024)
        {
            problems.Add($"input size {InputSize} must be within 32..1024 pixels (112 or 224 recommended)");
        }

        if (BatchSize < 1)
        {
            problems.Add($"batch size {BatchSize} must be ≥ 1");
        }

        if (L2Candidates is null || L2Candidates.Count == 0 || L2Candidates.Any(l => !(l >= 0) || !float.IsFinite(l)))
        {
            problems.Add("L2 candidates must be one or more finite values ≥ 0");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("name must not be empty");
        }

        if (problems.Count > 0)
        {
            throw new Core.EdgeInferInputException("Invalid classifier options: " + string.Join("; ", problems) + ".");
        }

        Head.Validated();
        return this;
    }
}
