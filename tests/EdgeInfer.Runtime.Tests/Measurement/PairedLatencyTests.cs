using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Runtime.Tests.TestModels;

namespace EdgeInfer.Runtime.Tests.Measurement;

public sealed class PairedLatencyTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    [Fact]
    public void Sample_AlternatesWhichSessionRunsFirst()
    {
        // Timestamp n is n² ticks at 1 tick per second, so the k-th timed run (timestamps 2k and 2k+1) lasts 4k + 1 s:
        // each duration tells its place in the run order. A B | B A | A B: baseline runs 0, 3, 4; candidate 1, 2, 5.
        using var a = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);
        using var b = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);

        var (baseline, candidate) = PairedLatency.Sample(a, b, 3, new SquaredTicks(), TestContext.Current.CancellationToken);

        Assert.Equal([1.0, 13, 17], baseline);
        Assert.Equal([5.0, 9, 21], candidate);
    }

    [Fact]
    public void Sample_RealClock_GivesOnePositiveTimePerSampleAndSession()
    {
        using var a = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);
        using var b = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);

        var (baseline, candidate) = PairedLatency.Sample(a, b, 4, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, baseline.Length);
        Assert.Equal(4, candidate.Length);
        Assert.All(baseline.Concat(candidate), s => Assert.True(s > 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedLatency.Sample(a, b, 0, cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class SquaredTicks : TimeProvider
    {
        private long calls;

        public override long TimestampFrequency => 1;

        public override long GetTimestamp()
        {
            var n = calls++;
            return n * n;
        }
    }
}
