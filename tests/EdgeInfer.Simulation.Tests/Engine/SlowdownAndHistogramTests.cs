using CsCheck;
using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Tests.Engine;

public sealed class SlowdownAndHistogramTests
{
    private static readonly double[] Quantiles = [0.5, 0.9, 0.99];

    [Fact]
    public void FormulaIsProcessorSharingOnCCores()
    {
        var table = new SlowdownTable(4, []);

        Assert.Equal(1.0, table.At(0));
        Assert.Equal(1.0, table.At(3));
        Assert.Equal(2.0, table.At(7));
        Assert.Equal(1251.0, table.At(5003));
    }

    [Fact]
    public void MeasuredCurveIsInterpolatedAndExtendedWithItsLastSlope()
    {
        var table = new SlowdownTable(1, [(0, 1.0), (10, 6.0), (20, 16.0)]);

        Assert.Equal(3.5, table.At(5), 12);
        Assert.Equal(11.0, table.At(15), 12);
        Assert.Equal(26.0, table.At(30), 12);
        Assert.Equal(16.0 + (5000 - 20), table.At(5000), 9);
    }

    [Fact]
    public void QuantilesAreWithinTheBucketWidthOfTheExactOrderStatistic()
    {
        Gen.Double[1e-5, 1e4].Array[100, 2000].Sample(values =>
        {
            var histogram = new LogHistogram();
            foreach (var v in values)
            {
                histogram.Record(v);
            }

            var sorted = values.Order().ToArray();
            foreach (var q in Quantiles)
            {
                var exact = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
                var estimate = histogram.Quantile(q);
                Assert.True(Math.Abs(estimate / exact - 1) <= 0.0006, $"q {q}: exact {exact}, histogram {estimate}");
            }
        });
    }

    [Fact]
    public void RandomStreamsAreReproducibleAndIndependent()
    {
        var a = new RandomStream(42, 0);
        var b = new RandomStream(42, 0);
        var other = new RandomStream(42, 1);
        var same = 0;
        for (var i = 0; i < 1000; i++)
        {
            var x = a.NextUInt64();
            Assert.Equal(x, b.NextUInt64());
            same += x == other.NextUInt64() ? 1 : 0;
        }

        Assert.Equal(0, same);
        var mean = Enumerable.Range(0, 200_000).Select(_ => a.NextExponential(4.0)).Average();
        Assert.Equal(0.25, mean, 0.25 * 0.01);
    }
}
