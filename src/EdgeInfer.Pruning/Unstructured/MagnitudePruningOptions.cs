using System.Globalization;
using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Unstructured;

/// <summary>
/// What unstructured magnitude pruning zeroes. The prunable tensors are the float weight initializers of
/// <c>Conv</c> (input 1) and <c>Gemm</c>/<c>MatMul</c> (the initializer operand); biases and BatchNormalization
/// parameters are never pruned.
/// </summary>
/// <param name="PruningFactor">
/// pf in [0, <see cref="Variants.PruningFactor.Maximum"/>] at any resolution: the fraction of prunable weights (per scope) set to zero.
/// </param>
/// <param name="Scope">One threshold over all prunable tensors, or one per tensor.</param>
/// <param name="KeepFirstConvDense">Leave the first <c>Conv</c> (in node order) unpruned. Default false.</param>
/// <param name="KeepClassifierDense">Leave the last <c>Gemm</c>/<c>MatMul</c> (in node order) unpruned. Default false.</param>
/// <param name="MinimumTensorElements">Tensors with fewer elements stay dense. Default 0 (all prunable).</param>
public sealed record MagnitudePruningOptions(
    double PruningFactor,
    PruningScope Scope = PruningScope.Global,
    bool KeepFirstConvDense = false,
    bool KeepClassifierDense = false,
    long MinimumTensorElements = 0)
{
    /// <summary>Throws one <see cref="EdgeInferInputException"/> that lists every invalid field.</summary>
    public MagnitudePruningOptions Validated()
    {
        var problems = new List<string>();
        if (!Variants.PruningFactor.InRange(PruningFactor))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"pruning factor must be in {Variants.PruningFactor.RangeText}, got {PruningFactor}"));
        }

        if (!Enum.IsDefined(Scope))
        {
            problems.Add($"scope must be global or layer, got {(int)Scope}");
        }

        if (MinimumTensorElements < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"minimum tensor elements must be >= 0, got {MinimumTensorElements}"));
        }

        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid pruning options: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// The number of weights to zero out of <paramref name="count"/>: round(pf·count), halves away from zero,
    /// so the achieved sparsity is within half a weight of pf (one weight at most).
    /// </summary>
    public static long TargetZeros(double pruningFactor, long count) =>
        Math.Min(count, (long)Math.Round(pruningFactor * count, MidpointRounding.AwayFromZero));
}
