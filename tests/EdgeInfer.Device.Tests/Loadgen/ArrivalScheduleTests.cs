using CsCheck;
using EdgeInfer.Device.Loadgen;

namespace EdgeInfer.Device.Tests.Loadgen;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void Poisson_SameSeed_SameSchedule()
    {
        var a = ArrivalSchedule.Poisson(8, 5, seed: 42, maxArrivals: 500, durationSeconds: null);
        var b = ArrivalSchedule.Poisson(8, 5, seed: 42, maxArrivals: 500, durationSeconds: null);
        var other = ArrivalSchedule.Poisson(8, 5, seed: 43, maxArrivals: 500, durationSeconds: null);

        Assert.Equal(a.OffsetSeconds, b.OffsetSeconds);
        Assert.Equal(a.Devices, b.Devices);
        Assert.NotEqual(a.OffsetSeconds, other.OffsetSeconds);
    }

    [Fact]
    public void Poisson_LongerDuration_StartsWithTheShorterSchedule()
    {
        // A longer run only adds arrivals at the end: the first minute is the same whatever the duration.
        var shortRun = ArrivalSchedule.Poisson(4, 3, seed: 7, maxArrivals: null, durationSeconds: 60);
        var longRun = ArrivalSchedule.Poisson(4, 3, seed: 7, maxArrivals: null, durationSeconds: 120);

        Assert.Equal(shortRun.OffsetSeconds, longRun.OffsetSeconds.Take(shortRun.Count));
        Assert.All(shortRun.OffsetSeconds, t => Assert.InRange(t, 0, 60));
    }

    /// <summary>
    /// K = 8 devices at R = 5/s over T = 2000 s: N is Poisson with mean K·R·T = 80 000 (σ ≈ 283), each device's count
    /// Poisson with mean R·T = 10 000 (σ = 100). Tolerances: 2 % for the total rate and the mean gap (about 5.7 σ),
    /// 5 % per device (5 σ), and 3 % for the gaps' coefficient of variation, which is 1 for exponential gaps
    /// (its standard error is about 1/√N ≈ 0.4 %). The seed is fixed, so the test cannot flake; the tolerances say how
    /// far an honest Poisson stream of this size may stray.
    /// </summary>
    [Fact]
    public void Poisson_LongSchedule_HasTheAskedRateAndExponentialGaps()
    {
        const int Devices = 8;
        const double Rate = 5;
        const double Duration = 2000;

        var schedule = ArrivalSchedule.Poisson(Devices, Rate, seed: 42, maxArrivals: null, durationSeconds: Duration);

        Assert.InRange(schedule.Count / Duration, 0.98 * Devices * Rate, 1.02 * Devices * Rate);
        var gaps = schedule.OffsetSeconds.Zip(schedule.OffsetSeconds.Skip(1), (a, b) => b - a).ToArray();
        var mean = gaps.Average();
        var sd = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1));
        Assert.InRange(mean, 0.98 / (Devices * Rate), 1.02 / (Devices * Rate));
        Assert.InRange(sd / mean, 0.97, 1.03);
        Assert.All(Enumerable.Range(0, Devices), d =>
            Assert.InRange(schedule.Devices.Count(x => x == d), 0.95 * Rate * Duration, 1.05 * Rate * Duration));
    }

    [Fact]
    public void Poisson_AnyArguments_AscendingWithinLimitsAndDevices() =>
        Gen.Select(Gen.Int[1, 16], Gen.Double[0.1, 100], Gen.Int, Gen.Int[1, 400]).Sample((devices, rate, seed, max) =>
        {
            var schedule = ArrivalSchedule.Poisson(devices, rate, seed, max, durationSeconds: null);

            Assert.Equal(max, schedule.Count);
            Assert.All(schedule.Devices, d => Assert.InRange(d, 0, devices - 1));
            Assert.True(schedule.OffsetSeconds.Zip(schedule.OffsetSeconds.Skip(1)).All(p => p.First <= p.Second));
            Assert.True(schedule.OffsetSeconds[0] >= 0);
        });

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.0)]
    [InlineData(1, double.NaN)]
    [InlineData(1, double.PositiveInfinity)]
    public void Poisson_BadArguments_Throw(int devices, double rate) =>
        Assert.ThrowsAny<ArgumentException>(() => ArrivalSchedule.Poisson(devices, rate, 1, 10, null));

    [Fact]
    public void Poisson_NoLimit_Throws() =>
        Assert.Throws<ArgumentException>(() => ArrivalSchedule.Poisson(1, 1, 1, null, null));
}
