using MathNet.Numerics.LinearAlgebra;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Orders a group's channels for removal by what the consumers need (He et al. 2017's channel selection, solved greedily
/// instead of with LASSO): the consumers' outputs are Σ_c z_c, the contributions z_c of the group's channels; removing a
/// set and re-fitting one scale β_c per kept channel (and the bias) leaves the residual R(S) = min_β ‖Σ_c z_c − Σ_{c∈S} β_c z_c‖²
/// on centred samples. Backward elimination removes, one at a time, the channel whose removal raises R least:
/// ΔR_j = β_j² / H_jj with H = (Z_SᵀZ_S)⁻¹, then downdates H and β in O(|S|²). The whole order and the curve R(r) after r
/// removals come from the contribution Gram Z ᵀZ alone (M×M), so they cost O(M³) whatever the sample count.
/// </summary>
internal static class ChannelRanking
{
    /// <summary>
    /// The removal order of all channels but one, and the relative residual after each removal (index r: r + 1 removed;
    /// the Gram is normalised by the consumers' output energy, so the values are relative errors summed over consumers).
    /// </summary>
    /// <param name="gram">Z ᵀZ of the centred contributions, [M × M] row-major; not changed.</param>
    /// <param name="channels">M ≥ 1.</param>
    public static (int[] Order, double[] Curve) Eliminate(double[] gram, int channels)
    {
        var m = channels;
        var order = new List<int>(m);
        var curve = new List<double>(m);
        if (m <= 1)
        {
            return ([], []);
        }

        var trace = 0.0;
        for (var i = 0; i < m; i++)
        {
            trace += gram[(i * m) + i];
        }

        var ridge = 1e-9 * Math.Max(trace / m, 1e-30);
        var g = Matrix<double>.Build.Dense(m, m, (i, j) => gram[(i * m) + j] + (i == j ? ridge : 0));
        var h = g.Inverse().ToRowMajorArray();
        var target = new double[m];
        for (var i = 0; i < m; i++)
        {
            target[i] = gram.AsSpan(i * m, m).ToArray().Sum();
        }

        var beta = new double[m];
        for (var i = 0; i < m; i++)
        {
            var row = h.AsSpan(i * m, m);
            for (var k = 0; k < m; k++)
            {
                beta[i] += row[k] * target[k];
            }
        }
        var alive = Enumerable.Repeat(true, m).ToArray();
        var residual = 0.0;
        for (var step = 0; step < m - 1; step++)
        {
            var best = -1;
            var bestCost = double.PositiveInfinity;
            for (var j = 0; j < m; j++)
            {
                var cost = alive[j] ? beta[j] * beta[j] / Math.Max(h[(j * m) + j], 1e-300) : double.PositiveInfinity;
                if (cost < bestCost)
                {
                    (best, bestCost) = (j, cost);
                }
            }

            residual += bestCost;
            order.Add(best);
            curve.Add(residual);
            Remove(h, beta, alive, best);
        }

        return ([.. order], [.. curve]);
    }

    /// <summary>Drops <paramref name="j"/>: H ← H − H_{·j}H_{j·}/H_jj, β ← β − H_{·j}β_j/H_jj over the channels still alive.</summary>
    private static void Remove(double[] h, double[] beta, bool[] alive, int j)
    {
        alive[j] = false;
        var m = beta.Length;
        var pivot = h[(j * m) + j];
        if (Math.Abs(pivot) < 1e-300)
        {
            return;
        }

        var bj = beta[j];
        void Row(int i)
        {
            var factor = h[(i * m) + j] / pivot;
            if (!alive[i] || factor == 0)
            {
                return;
            }

            // Entries of removed channels change too; they are never read again.
            var row = h.AsSpan(i * m, m);
            var pivotRow = h.AsSpan(j * m, m);
            var k = 0;
            var f = new System.Numerics.Vector<double>(factor);
            for (; k <= m - System.Numerics.Vector<double>.Count; k += System.Numerics.Vector<double>.Count)
            {
                (new System.Numerics.Vector<double>(row[k..]) - (f * new System.Numerics.Vector<double>(pivotRow[k..]))).CopyTo(row[k..]);
            }

            for (; k < m; k++)
            {
                row[k] -= factor * pivotRow[k];
            }

            beta[i] -= factor * bj;
        }

        if (m >= 256)
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
}
