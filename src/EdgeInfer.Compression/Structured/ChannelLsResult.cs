using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Compression.Structured;

/// <summary>What <see cref="ChannelLsPruner.PruneInPlace"/> did.</summary>
/// <param name="MacsBefore">Multiply-accumulates of the model before pruning (batch 1, as <c>models inspect</c> counts them).</param>
/// <param name="MacsAfter">Multiply-accumulates after pruning, counted again on the pruned model.</param>
/// <param name="Groups">Every prunable channel group in node order, pruned or not.</param>
/// <param name="Refitted">Convs whose weights were re-fitted.</param>
/// <param name="Calibration">Where the calibration images came from, and how many the sequential passes used.</param>
/// <param name="Elapsed">Total wall-clock time.</param>
/// <param name="Phases">The breakdown of <paramref name="Elapsed"/>.</param>
/// <param name="LinearAlgebra">Which dense linear-algebra provider solved the least squares (<c>OpenBLAS</c> or <c>managed</c>).</param>
public sealed record ChannelLsResult(
    long MacsBefore,
    long MacsAfter,
    IReadOnlyList<ChannelLsGroupReport> Groups,
    int Refitted,
    string Calibration,
    Seconds Elapsed,
    ChannelLsPhaseTimes Phases,
    string LinearAlgebra)
{
    /// <summary>MacsAfter / MacsBefore: the fraction of the MACs kept, in (0, 1].</summary>
    public double MacsRatio => MacsBefore > 0 ? (double)MacsAfter / MacsBefore : 1;
}
