using EdgeInfer.Core;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Turns a MACs budget into a kept channel count per group by measured sensitivity: starting from the full model, it
/// repeatedly lowers the group whose next step costs the least calibration loss per MAC saved, until the model's MACs
/// are within the budget. A group's loss at k kept channels is its selection curve (the consumers' relative
/// reconstruction error, summed over its consumers, after removing M − k channels), so the layers that can lose channels
/// cheaply lose many and the sensitive ones few, instead of one fraction everywhere.
/// </summary>
internal static class BudgetAllocator
{
    /// <summary>
    /// Kept channels per group such that <see cref="MacsAccount.Macs"/> ≤ <paramref name="keptFraction"/> × full.
    /// Counts are multiples of <paramref name="multiple"/> (or the full count), at least max(multiple,
    /// ⌈<paramref name="minimumFraction"/>·M⌉).
    /// </summary>
    /// <exception cref="EdgeInferInputException">The budget cannot be met even with every group at its minimum.</exception>
    public static int[] Allocate(
        MacsAccount account, IReadOnlyList<int> channels, IReadOnlyList<double[]> curves, double keptFraction, int multiple, double minimumFraction)
    {
        var kept = channels.ToArray();
        var target = (long)Math.Floor(keptFraction * account.Full);
        var macs = account.Macs(kept);
        while (macs > target)
        {
            var best = -1;
            var bestRate = double.PositiveInfinity;
            var bestTo = 0;
            long bestSaving = 0;
            for (var g = 0; g < kept.Length; g++)
            {
                var to = Next(kept[g], multiple);
                if (to < Math.Max(multiple, (int)Math.Ceiling(minimumFraction * channels[g])))
                {
                    continue;
                }

                var saving = account.Saving(kept, g, to);
                if (saving <= 0)
                {
                    continue;
                }

                var rate = (Loss(curves[g], channels[g], to) - Loss(curves[g], channels[g], kept[g])) / saving;
                if (rate < bestRate)
                {
                    (best, bestRate, bestTo, bestSaving) = (g, rate, to, saving);
                }
            }

            if (best < 0)
            {
                throw new EdgeInferInputException(
                    FormattableString.Invariant($"A MACs budget of {keptFraction:0.##} cannot be met: with every channel group at its minimum ")
                    + FormattableString.Invariant($"the model keeps {(double)macs / account.Full:0.###} of its MACs."));
            }

            kept[best] = bestTo;
            macs -= bestSaving;
        }

        return kept;
    }

    /// <summary>The next lower allowed count: the largest multiple of <paramref name="multiple"/> below <paramref name="kept"/>.</summary>
    private static int Next(int kept, int multiple) => (kept - 1) / multiple * multiple;

    private static double Loss(double[] curve, int channels, int kept)
    {
        var removed = channels - kept;
        return removed <= 0 ? 0 : curve[Math.Min(removed, curve.Length) - 1];
    }
}
