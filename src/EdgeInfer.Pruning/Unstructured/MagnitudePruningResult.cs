using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Pruning.Unstructured;

/// <summary>What magnitude pruning did.</summary>
/// <param name="Options">The validated options used.</param>
/// <param name="PrunableTensors">Number of weight tensors in scope.</param>
/// <param name="PrunableWeights">Weights in those tensors.</param>
/// <param name="ZeroWeights">Weights equal to zero afterwards (already-zero weights included).</param>
/// <param name="SelectTime">Time to find the thresholds (radix select).</param>
/// <param name="MaskTime">Time to write the masked tensors.</param>
public sealed record MagnitudePruningResult(
    MagnitudePruningOptions Options,
    int PrunableTensors,
    long PrunableWeights,
    long ZeroWeights,
    Seconds SelectTime,
    Seconds MaskTime)
{
    /// <summary>Zero weights over prunable weights, in [0, 1] (0 when nothing is prunable).</summary>
    public double AchievedSparsity => PrunableWeights == 0 ? 0 : (double)ZeroWeights / PrunableWeights;
}
