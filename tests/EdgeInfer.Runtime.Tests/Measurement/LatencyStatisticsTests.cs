using CsCheck;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Runtime.Tests.Measurement;

public sealed class LatencyStatisticsTests
{
    [Fact]
    public void From_OneToTen_MatchesNumpyType7()
    {
        // numpy.percentile([1..10], [50, 90, 99]) = 5.5, 9.1, 9.91
        double[] samples = [3, 1, 2, 10, 9, 4, 8, 5, 7, 6];

        var stats = LatencyStatistics.From(samples);

        Assert.Equal(5.5, stats.MedianSeconds, 12);
        Assert.Equal(9.1, stats.P90Seconds, 12);
        Assert.Equal(9.91, stats.P99Seconds, 12);
        Assert.Equal(1, stats.MinSeconds);
        Assert.Equal(10, stats.MaxSeconds);
        Assert.Equal(5.5, stats.MeanSeconds, 12);
        Assert.Equal(10, stats.Count);
        Assert.Equal(3, samples[0]);
    }

    [Fact]
    public void From_OneSample_EveryStatisticIsThatSample()
    {
        var stats = LatencyStatistics.From([0.25]);

        Assert.All(
            new[] { stats.MedianSeconds, stats.P90Seconds, stats.P99Seconds, stats.MinSeconds, stats.MaxSeconds, stats.MeanSeconds },
            v => Assert.Equal(0.25, v));
    }

    [Fact]
    public void From_AnySamples_StatisticsAreOrdered()
    {
        Gen.Double[0, 10].Array[1, 50].Sample(samples =>
        {
            var s = LatencyStatistics.From(samples);
            return s.MinSeconds <= s.MedianSeconds && s.MedianSeconds <= s.P90Seconds && s.P90Seconds <= s.P99Seconds
                && s.P99Seconds <= s.MaxSeconds && s.MinSeconds <= s.MeanSeconds && s.MeanSeconds <= s.MaxSeconds + 1e-12;
        });
    }

    [Fact]
    public void From_NegativeOrNaN_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyStatistics.From([1, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyStatistics.From([double.NaN]));
        Assert.Throws<ArgumentException>(() => LatencyStatistics.From([]));
    }
}
