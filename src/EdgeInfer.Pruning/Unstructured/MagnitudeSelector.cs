namespace EdgeInfer.Pruning.Unstructured;

/// <summary>
/// Exact linear-time selection of the k smallest magnitudes of a scope (a list of chunks): a histogram of the
/// 15 high key bits, then of the 16 low bits inside the bucket holding the k-th key. Counts are summed, so the
/// parallel result does not depend on scheduling.
/// </summary>
internal static class MagnitudeSelector
{
    [ThreadStatic]
    private static int[]? t_high;

    [ThreadStatic]
    private static int[]? t_low;

    [ThreadStatic]
    private static long[]? t_highTotal;

    [ThreadStatic]
    private static long[]? t_lowTotal;

    public static Threshold Select(IReadOnlyList<Chunk> chunks, long zerosToReach, bool parallel)
    {
        if (zerosToReach <= 0)
        {
            var low0 = Histogram(chunks, parallel, MagnitudeKernels.LowBins, (c, h) => MagnitudeKernels.HistogramLow(c.Bits, 0, h));
            return Threshold.None(low0[0]);
        }

        var high = Histogram(chunks, parallel, MagnitudeKernels.HighBins, (c, h) => MagnitudeKernels.HistogramHigh(c.Bits, h));
        var (bucket, belowBucket) = Locate(high, zerosToReach);
        var low = Histogram(chunks, parallel, MagnitudeKernels.LowBins, (c, h) => MagnitudeKernels.HistogramLow(c.Bits, (uint)bucket, h));
        var (lowBits, below) = Locate(low, zerosToReach - belowBucket);
        var key = ((uint)bucket << 16) | (uint)lowBits;
        var ties = zerosToReach - belowBucket - below;
        var zerosAfter = key == 0 ? low[0] : zerosToReach;
        return new Threshold(key, ties, zerosAfter);
    }

    /// <summary>The first bin whose cumulative count reaches <paramref name="rank"/> (1-based) and the count before it.</summary>
    private static (int Bin, long Before) Locate(long[] histogram, long rank)
    {
        long cumulative = 0;
        for (var bin = 0; bin < histogram.Length; bin++)
        {
            if (cumulative + histogram[bin] >= rank)
            {
                return (bin, cumulative);
            }

            cumulative += histogram[bin];
        }

        throw new InvalidOperationException($"Rank {rank} exceeds the {cumulative} weights of the scope.");
    }

    private static long[] Histogram(IReadOnlyList<Chunk> chunks, bool parallel, int bins, Action<Chunk, int[]> accumulate)
    {
        if (!parallel || chunks.Count < 2)
        {
            // Layer scope runs one scope per thread: reuse that thread's histogram instead of allocating per tensor.
            var local = bins == MagnitudeKernels.HighBins ? (t_high ??= new int[bins]) : (t_low ??= new int[bins]);
            var result = bins == MagnitudeKernels.HighBins ? (t_highTotal ??= new long[bins]) : (t_lowTotal ??= new long[bins]);
            Array.Clear(local);
            foreach (var chunk in chunks)
            {
                accumulate(chunk, local);
            }

            for (var b = 0; b < bins; b++)
            {
                result[b] = local[b];
            }

            return result;
        }

        var total = new long[bins];

        var gate = new object();
        Parallel.For(
            0,
            chunks.Count,
            () => new int[bins],
            (i, _, local) =>
            {
                accumulate(chunks[i], local);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (var b = 0; b < bins; b++)
                    {
                        total[b] += local[b];
                    }
                }
            });
        return total;
    }
}
