using EdgeInfer.Compression.Structured;
using MathNet.Numerics.LinearAlgebra;
using Onnx;

namespace EdgeInfer.Compression.Tests.Structured;

public sealed class RidgeRegressionTests
{
    /// <summary>
    /// A hand-built 3×3 Conv (2 → 3 channels, stride 2, pads 1) on seeded noise: its im2col rows (from
    /// <see cref="ConvGeometry"/>) and its outputs computed here directly; least squares must return the Conv's own
    /// weights and bias (λ = 0, more rows than unknowns, exact data), and with noisy targets and λ &gt; 0 the
    /// closed-form solution of the augmented normal equations [X 1]ᵀ[X 1] + diag(λ,…,λ,0), computed independently with
    /// MathNet's dense solver, to 1e-9 relative.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_TinyConv_MatchesTheClosedFormSolution(bool managed)
    {
        DenseKernels.Override = managed ? false : null;
        try
        {
            var (x, y, weights, bias, rows, columns, outputs) = TinyConvSamples();
            var exact = RidgeRegression.Fit(x, y, rows, columns, outputs, relativeRidge: 0);
            for (var i = 0; i < weights.Length; i++)
            {
                Assert.Equal(weights[i], exact.Weights[i], 1e-9);
            }

            for (var o = 0; o < outputs; o++)
            {
                Assert.Equal(bias[o], exact.Bias[o], 1e-9);
            }

            Assert.True(exact.RelativeError < 1e-12, $"error {exact.RelativeError}");

            var random = new Random(3);
            var noisy = y.Select(v => v + (0.3 * (random.NextDouble() - 0.5))).ToArray();
            var ridge = RidgeRegression.Fit(x, noisy, rows, columns, outputs, relativeRidge: 0.05);
            var (closedWeights, closedBias) = ClosedForm(x, noisy, rows, columns, outputs, 0.05);
            AssertClose(closedWeights, ridge.Weights, 1e-9);
            AssertClose(closedBias, ridge.Bias, 1e-9);
        }
        finally
        {
            DenseKernels.Override = null;
        }
    }

    private static (double[] X, double[] Y, double[] W, double[] B, int Rows, int Columns, int Outputs) TinyConvSamples()
    {
        const int c = 2, o = 3, h = 9, w = 9;
        var random = new Random(1);
        var image = new float[c * h * w];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var weights = Enumerable.Range(0, o * c * 9).Select(_ => random.NextDouble() - 0.5).ToArray();
        var bias = new[] { 0.5, -0.25, 1.0 };
        var node = new NodeProto { OpType = "Conv" };
        node.Attribute.Add(Ints("strides", 2, 2));
        node.Attribute.Add(Ints("pads", 1, 1, 1, 1));
        var geometry = ConvGeometry.Of(node, 3, 3, h, w);
        var (oh, ow) = (geometry.OutputHeight(h), geometry.OutputWidth(w));
        Assert.Equal((5, 5), (oh, ow));
        var rows = oh * ow;
        var columns = c * 9;
        var x = new double[rows * columns];
        var y = new double[rows * o];
        for (var p = 0; p < rows; p++)
        {
            geometry.Im2ColRow(image, c, h, w, p / ow, p % ow, x.AsSpan(p * columns, columns));
            for (var k = 0; k < o; k++)
            {
                y[(p * o) + k] = bias[k] + Enumerable.Range(0, columns).Sum(i => weights[(k * columns) + i] * x[(p * columns) + i]);
            }
        }

        return (x, y, weights, bias, rows, columns, o);
    }

    /// <summary>Solves ([X 1]ᵀ[X 1] + diag(λ…λ, 0))·[W; b] = [X 1]ᵀY with λ = relative × mean diagonal of the centred Gram.</summary>
    private static (double[] W, double[] B) ClosedForm(double[] x, double[] y, int rows, int columns, int outputs, double relative)
    {
        var a = Matrix<double>.Build.Dense(rows, columns + 1, (r, i) => i < columns ? x[(r * columns) + i] : 1.0);
        var t = Matrix<double>.Build.Dense(rows, outputs, (r, k) => y[(r * outputs) + k]);
        var centred = Matrix<double>.Build.Dense(rows, columns, (r, i) => x[(r * columns) + i] - a.Column(i).Average());
        var lambda = relative * centred.TransposeThisAndMultiply(centred).Diagonal().Average();
        var penalty = Matrix<double>.Build.DenseDiagonal(columns + 1, columns + 1, i => i < columns ? lambda : 0);
        var solution = (a.TransposeThisAndMultiply(a) + penalty).Solve(a.TransposeThisAndMultiply(t));
        var w = new double[outputs * columns];
        var b = new double[outputs];
        for (var k = 0; k < outputs; k++)
        {
            for (var i = 0; i < columns; i++)
            {
                w[(k * columns) + i] = solution[i, k];
            }

            b[k] = solution[columns, k];
        }

        return (w, b);
    }

    private static void AssertClose(double[] expected, double[] actual, double relative)
    {
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * scale, $"[{i}] {expected[i]} vs {actual[i]}");
        }
    }

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
}
