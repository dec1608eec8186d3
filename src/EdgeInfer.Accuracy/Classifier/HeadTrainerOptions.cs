namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// Settings of the softmax head trainer (ML.NET <c>LbfgsMaximumEntropy</c>, multinomial logistic regression with L-BFGS).
/// The regularisation weights are ML.NET's: they multiply the penalty added to the summed (not averaged) log-loss.
/// </summary>
public sealed record HeadTrainerOptions
{
    /// <summary>L2 weight (≥ 0). Default 1 (ML.NET's default).</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>L1 weight (≥ 0). Default 0: a dense head.</summary>
    public float L1Regularization { get; init; }

    /// <summary>Convergence tolerance (&gt; 0). Default 1e-7 (ML.NET's default).</summary>
    public float OptimizationTolerance { get; init; } = 1e-7f;

    /// <summary>Maximum L-BFGS iterations (≥ 1). Default 1000.</summary>
    public int MaximumIterations { get; init; } = 1000;

    /// <summary>Seed of the ML.NET context. Default 0; training is single-threaded so the result is deterministic.</summary>
    public int Seed { get; init; }

    /// <summary>Throws one <see cref="Core.EdgeInferInputException"/> listing every problem (options come from the command line), if any.</summary>
    public HeadTrainerOptions Validated()
    {
        var problems = new List<string>();
        if (!(L2Regularization >= 0))
        {
            problems.Add($"L2 weight {L2Regularization} must be ≥ 0");
        }

        if (!(L1Regularization >= 0))
        {
            problems.Add($"L1 weight {L1Regularization} must be ≥ 0");
        }

        if (!(OptimizationTolerance > 0))
        {
            problems.Add($"tolerance {OptimizationTolerance} must be > 0");
        }

        if (MaximumIterations < 1)
        {
            problems.Add($"maximum iterations {MaximumIterations} must be ≥ 1");
        }

        return problems.Count == 0 ? this : throw new Core.EdgeInferInputException("Invalid head trainer options: " + string.Join("; ", problems) + ".");
    }
}
