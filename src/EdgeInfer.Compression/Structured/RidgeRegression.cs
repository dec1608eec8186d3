namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Ridge least squares with an unpenalised intercept, for every output at once:
/// min over W, b of ‖Y − X·Wᵀ − 1·bᵀ‖² + λ‖W‖², solved on centred data: with X̃ = X − 1·x̄ᵀ and Ỹ = Y − 1·ȳᵀ,
/// (X̃ᵀX̃ + λI)·Wᵀ = X̃ᵀỸ (Cholesky, in double) and b = ȳ − W·x̄. Centring is the same as a ones column whose coefficient
/// is not penalised, and keeps the normal equations well conditioned when activations have large means.
/// </summary>
internal static class RidgeRegression
{
    /// <summary>
    /// Fits <paramref name="outputs"/> targets on <paramref name="columns"/> regressors over <paramref name="rows"/> samples.
    /// λ = <paramref name="relativeRidge"/> × the mean diagonal of X̃ᵀX̃ (so the penalty scales with the data).
    /// </summary>
    /// <param name="x">X [rows × columns], row-major; not changed.</param>
    /// <param name="y">Y [rows × outputs], row-major; not changed.</param>
    /// <param name="rows">Samples.</param>
    /// <param name="columns">Regressors.</param>
    /// <param name="outputs">Targets.</param>
    /// <param name="relativeRidge">λ relative to the mean diagonal, ≥ 0 (0 only when X̃ has full column rank).</param>
    /// <param name="outputWeights">Weight of each output in the reported error (null: 1 each).</param>
    public static RidgeFit Fit(double[] x, double[] y, int rows, int columns, int outputs, double relativeRidge, double[]? outputWeights = null)
    {
        var xMean = ColumnMeans(x, rows, columns);
        var yMean = ColumnMeans(y, rows, outputs);
        var xc = Centred(x, xMean, rows, columns);
        var yc = Centred(y, yMean, rows, outputs);
        var gram = DenseKernels.Gram(xc, rows, columns);
        var cross = DenseKernels.Cross(xc, yc, rows, columns, outputs);
        var trace = 0.0;
        for (var i = 0; i < columns; i++)
        {
            trace += gram[(i * columns) + i];
        }

        var lambda = relativeRidge * Math.Max(trace / columns, 1e-12);
        for (var i = 0; i < columns; i++)
        {
            gram[(i * columns) + i] += lambda;
        }

        var crossCopy = (double[])cross.Clone();
        var solution = DenseKernels.CholeskySolve(gram, cross, columns, outputs); // [columns × outputs]
        var weights = new double[outputs * columns];
        var bias = new double[outputs];
        for (var o = 0; o < outputs; o++)
        {
            var b = yMean[o];
            for (var i = 0; i < columns; i++)
            {
                var w = solution[(i * outputs) + o];
                weights[(o * columns) + i] = w;
                b -= w * xMean[i];
            }

            bias[o] = b;
        }

        return new RidgeFit(weights, bias, RelativeError(yc, crossCopy, solution, rows, columns, outputs, lambda, outputWeights));
    }

    /// <summary>
    /// Σ_o w_o‖ỹ_o − X̃β_o‖² / Σ_o w_o‖ỹ_o‖², from ‖ỹ_o‖² − β_oᵀc_o − λ‖β_o‖² (exact at the ridge solution).
    /// </summary>
    private static double RelativeError(
        double[] yc, double[] cross, double[] solution, int rows, int columns, int outputs, double lambda, double[]? outputWeights)
    {
        double residual = 0, energy = 0;
        for (var o = 0; o < outputs; o++)
        {
            double yy = 0, bc = 0, bb = 0;
            for (var r = 0; r < rows; r++)
            {
                var v = yc[(r * outputs) + o];
                yy += v * v;
            }

            for (var i = 0; i < columns; i++)
            {
                var b = solution[(i * outputs) + o];
                bc += b * cross[(i * outputs) + o];
                bb += b * b;
            }

            var w = outputWeights?[o] ?? 1.0;
            residual += w * Math.Max(0, yy - bc - (lambda * bb));
            energy += w * yy;
        }

        return energy > 0 ? residual / energy : 0;
    }

    private static double[] ColumnMeans(double[] m, int rows, int columns)
    {
        var mean = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = m.AsSpan(r * columns, columns);
            for (var i = 0; i < columns; i++)
            {
                mean[i] += row[i];
            }
        }

        for (var i = 0; i < columns; i++)
        {
            mean[i] /= Math.Max(rows, 1);
        }

        return mean;
    }

    private static double[] Centred(double[] m, double[] mean, int rows, int columns)
    {
        var c = new double[m.Length];
        Parallel.For(0, rows, r =>
        {
            for (var i = 0; i < columns; i++)
            {
                c[(r * columns) + i] = m[(r * columns) + i] - mean[i];
            }
        });
        return c;
    }
}
