using System.Numerics;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Orders a group's channels for removal as Optimal Brain Surgeon does for a linear layer's inputs, with every consumer's
/// weights re-fitted: with Σ the covariance of the group's channels at a consumer's input (per pixel, centred) and H = Σ⁻¹,
/// removing input channel j and compensating with the others costs ΔE = Σ_{o,k} ω_o·W[o, j, k]² / H_jj (expected squared
/// output error per position) and moves W[·, i, ·] −= W[·, j, ·]·H_ij / H_jj. Treating a k×k kernel's taps as seeing the
/// same channel covariance (Σ ⊗ I) makes it a per-channel surgeon: a channel that others predict (a duplicate, a zero or
/// constant channel) costs nothing, whatever the consumer's weights. Costs are divided by the consumer's output energy
/// Σ_o ω_o·Var(y_o), so they are relative errors, and summed over consumers (over at most
/// <see cref="MaxConsumers"/> evenly spaced ones, scaled to the whole count).
/// </summary>
internal static class ChannelSurgeon
{
    /// <summary>Consumers of one group that the ranking reads at most.</summary>
    public const int MaxConsumers = 8;

    /// <summary>
    /// Marks the consumers a group is ranked on: all up to <see cref="MaxConsumers"/>, else that many evenly spaced (a long
    /// residual stream, ResNet-152's third stage with 37 readers, would otherwise cost 37 covariances and surgeons).
    /// </summary>
    public static void Select(IReadOnlyList<ContributionAccumulator> consumers)
    {
        var ranked = consumers.Count <= MaxConsumers
            ? Enumerable.Range(0, consumers.Count).ToHashSet()
            : Enumerable.Range(0, MaxConsumers).Select(i => (int)((long)i * consumers.Count / MaxConsumers)).ToHashSet();
        for (var i = 0; i < consumers.Count; i++)
        {
            consumers[i].Ranked = ranked.Contains(i);
        }
    }

    /// <summary>The removal order of all channels but one, and the cumulative relative error after each removal.</summary>
    /// <param name="consumers">The consumers the group is ranked on (see <see cref="Select"/>).</param>
    /// <param name="all">How many consumers the group has (the costs are scaled from the ranked ones to all).</param>
    /// <param name="channels">M.</param>
    public static (int[] Order, double[] Curve) Eliminate(IReadOnlyList<(ContributionAccumulator Group, RefitConv Conv)> consumers, int all, int channels)
    {
        var m = channels;
        if (m <= 1 || consumers.Count == 0)
        {
            return ([.. Enumerable.Range(0, Math.Max(0, m - 1))], new double[Math.Max(0, m - 1)]);
        }

        var scale = (double)all / consumers.Count;
        var states = consumers.Select(c => State.Of(c.Group, c.Conv, scale)).ToList();
        var alive = Enumerable.Repeat(true, m).ToArray();
        var order = new int[m - 1];
        var curve = new double[m - 1];
        var total = 0.0;
        for (var step = 0; step < m - 1; step++)
        {
            var best = -1;
            var bestCost = double.PositiveInfinity;
            for (var j = 0; j < m; j++)
            {
                var cost = alive[j] ? states.Sum(s => s.Cost(j)) : double.PositiveInfinity;
                if (cost < bestCost)
                {
                    (best, bestCost) = (j, cost);
                }
            }

            total += bestCost;
            order[step] = best;
            curve[step] = total;
            alive[best] = false;
            foreach (var state in states)
            {
                state.Remove(best, alive);
            }
        }

        return (order, curve);
    }

    /// <summary>One consumer: H = Σ⁻¹ over the group's channels and its (ω-weighted) weights per channel, updated as channels go.</summary>
    private sealed class State
    {
        private readonly int m;
        private readonly int length;
        private readonly double[] h;
        private readonly double[] weights;
        private readonly double[] norms;
        private readonly double energy;

        private State(int m, int length, double[] h, double[] weights, double energy)
        {
            (this.m, this.length, this.h, this.weights, this.energy) = (m, length, h, weights, energy);
            norms = new double[m];
            for (var c = 0; c < m; c++)
            {
                norms[c] = Dot(weights.AsSpan(c * length, length), weights.AsSpan(c * length, length));
            }
        }

        public static State Of(ContributionAccumulator group, RefitConv conv, double scale)
        {
            var m = group.Channels;
            var sigma = group.InputCovariance();
            var trace = Enumerable.Range(0, m).Sum(i => sigma[(i * m) + i]);
            var ridge = 1e-6 * Math.Max(trace / m, 1e-30);
            var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, m, (i, j) => sigma[(i * m) + j] + (i == j ? ridge : 0));
            var h = matrix.Inverse().ToRowMajorArray();
            var area = conv.KernelH * conv.KernelW;
            var length = conv.Outputs * area;
            var weights = new double[m * length];
            for (var c = 0; c < m; c++)
            {
                for (var o = 0; o < conv.Outputs; o++)
                {
                    var root = Math.Sqrt(conv.OutputWeights[o]);
                    for (var k = 0; k < area; k++)
                    {
                        weights[(c * length) + (o * area) + k] = root * conv.Weight[(((o * conv.Inputs) + group.Offset + c) * area) + k];
                    }
                }
            }

            var energy = conv.Variance.Select((v, o) => v * conv.OutputWeights[o]).Sum();
            return new State(m, length, h, weights, Math.Max(energy, 1e-30) / scale);
        }

        public double Cost(int j) => norms[j] / Math.Max(h[(j * m) + j], 1e-300) / energy;

        /// <summary>The surgeon's step for channel j: the rank-one downdate of H and the compensation of every other channel's weights.</summary>
        public void Remove(int j, bool[] alive)
        {
            var pivot = h[(j * m) + j];
            if (Math.Abs(pivot) < 1e-300)
            {
                return;
            }

            var pivotRow = h.AsSpan(j * m, m).ToArray();
            var wj = weights.AsSpan(j * length, length).ToArray();
            void Row(int i)
            {
                var factor = h[(i * m) + j] / pivot;
                if (!alive[i] || factor == 0)
                {
                    return;
                }

                // Entries of removed channels change too; they are never read again.
                Axpy(-factor, pivotRow, h.AsSpan(i * m, m));
                norms[i] = Axpy(-factor, wj, weights.AsSpan(i * length, length));
            }

            if ((long)m * (m + length) >= 1 << 16)
            {
                Parallel.For(0, m, Row);
            }
            else
            {
                for (var i = 0; i < m; i++)
                {
                    Row(i);
                }
            }
        }

        /// <summary>y ← y + a·x; returns ‖y‖² after the update.</summary>
        private static double Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
        {
            var n = Vector<double>.Count;
            var va = new Vector<double>(a);
            var sum = Vector<double>.Zero;
            var k = 0;
            for (; k <= y.Length - n; k += n)
            {
                var v = new Vector<double>(y[k..]) + (va * new Vector<double>(x[k..]));
                v.CopyTo(y[k..]);
                sum += v * v;
            }

            var total = Vector.Sum(sum);
            for (; k < y.Length; k++)
            {
                y[k] += a * x[k];
                total += y[k] * y[k];
            }

            return total;
        }

        private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
        {
            var total = 0.0;
            for (var k = 0; k < x.Length; k++)
            {
                total += x[k] * y[k];
            }

            return total;
        }
    }
}
