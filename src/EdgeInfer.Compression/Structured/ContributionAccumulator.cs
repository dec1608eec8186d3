namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Accumulates, for one group and one consumer, what ranks the group's channels: the covariance of the channels at the
/// consumer's input (per pixel; <see cref="ChannelSurgeon"/>) and, for <see cref="ChannelRanking"/>, the centred Gram
/// matrix of the channel contributions z_c = Σ_k W[o, offset + c, k]·x[offset + c, k] over sampled (position, output
/// channel) pairs, as ThiNet samples them, each weighted by the output channel's weight. Centring is per output channel
/// (the re-fit's bias absorbs a channel's mean contribution). The contribution arrays are allocated on first use.
/// </summary>
internal sealed class ContributionAccumulator
{
    private double[]? gram;
    private double[]? sums;
    private long[]? counts;
    private readonly double[] inputGram;
    private readonly double[] inputSums;

    /// <summary>An empty accumulator for group <paramref name="group"/> at <paramref name="offset"/> of a consumer's input.</summary>
    public ContributionAccumulator(int group, int offset, int channels, int outputs)
    {
        Group = group;
        Offset = offset;
        Channels = channels;
        Outputs = outputs;
        inputGram = new double[channels * channels];
        inputSums = new double[channels];
    }

    /// <summary>Index of the group.</summary>
    public int Group { get; }

    /// <summary>Offset of the group's channels in the consumer's input.</summary>
    public int Offset { get; }

    /// <summary>The group's channel count M.</summary>
    public int Channels { get; }

    /// <summary>The consumer's output channel count.</summary>
    public int Outputs { get; }

    /// <summary>
    /// Whether the surgeon ranks the group on this consumer (all of a group's consumers up to
    /// <see cref="ChannelSurgeon.MaxConsumers"/>, else evenly spaced ones); only those accumulate the input covariance.
    /// </summary>
    public bool Ranked { get; set; } = true;

    /// <summary>Input pixels accumulated (for the input covariance).</summary>
    public long Pixels { get; private set; }

    /// <summary>Pairs accumulated.</summary>
    public long Pairs { get; private set; }

    /// <summary>Σ w_o·(y_o − ȳ_o)² per pair on average, the normaliser; set after the pass.</summary>
    public double EnergyPerPair { get; set; }

    /// <summary>Adds <paramref name="rows"/> pairs: their (weighted) contributions [rows × M] and output channels.</summary>
    public void Add(double[] z, int[] outputs, int rows)
    {
        var m = Channels;
        gram ??= new double[m * m];
        sums ??= new double[Outputs * m];
        counts ??= new long[Outputs];
        var g = DenseKernels.Gram(z.Length == rows * m ? z : z[..(rows * m)], rows, m);
        for (var i = 0; i < g.Length; i++)
        {
            gram[i] += g[i];
        }

        for (var r = 0; r < rows; r++)
        {
            var o = outputs[r];
            counts[o]++;
            var row = z.AsSpan(r * m, m);
            var sum = sums.AsSpan(o * m, m);
            for (var c = 0; c < m; c++)
            {
                sum[c] += row[c];
            }
        }

        Pairs += rows;
    }

    /// <summary>Adds <paramref name="rows"/> input pixels [rows × M] of the group's channels (for the input covariance).</summary>
    public void AddInputs(double[] x, int rows)
    {
        var m = Channels;
        var g = DenseKernels.Gram(x.Length == rows * m ? x : x[..(rows * m)], rows, m);
        for (var i = 0; i < g.Length; i++)
        {
            inputGram[i] += g[i];
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < m; c++)
            {
                inputSums[c] += x[(r * m) + c];
            }
        }

        Pixels += rows;
    }

    /// <summary>The covariance of the group's channels at the consumer's input, [M × M] (per pixel).</summary>
    public double[] InputCovariance()
    {
        var m = Channels;
        var n = Math.Max(Pixels, 1);
        var result = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                result[(i * m) + j] = (inputGram[(i * m) + j] / n) - (inputSums[i] / n * (inputSums[j] / n));
            }
        }

        return result;
    }

    /// <summary>The centred Gram divided by the pairs' output energy: the M×M matrix whose quadratic forms are relative errors.</summary>
    public double[] NormalisedGram()
    {
        var m = Channels;
        if (gram is null || sums is null || counts is null)
        {
            return new double[m * m];
        }

        var result = (double[])gram.Clone();

        // Σ_o s_o s_oᵀ / n_o as one Gram of the rows s_o / √n_o.
        var active = Enumerable.Range(0, Outputs).Where(o => counts[o] > 0).ToArray();
        var scaled = new double[active.Length * m];
        for (var r = 0; r < active.Length; r++)
        {
            var inv = 1.0 / Math.Sqrt(counts[active[r]]);
            var s = sums.AsSpan(active[r] * m, m);
            for (var c = 0; c < m; c++)
            {
                scaled[(r * m) + c] = s[c] * inv;
            }
        }

        var means = DenseKernels.Gram(scaled, active.Length, m);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] -= means[i];
        }

        var scale = 1.0 / Math.Max(EnergyPerPair * Pairs, 1e-30);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] *= scale;
        }

        return result;
    }
}
