using EdgeInfer.Device.Loadgen;
using EdgeInfer.Edge.Tests;

namespace EdgeInfer.Device.Tests.Loadgen;

public sealed class LoadGeneratorOpenLoopTests
{
    /// <summary>
    /// A short open-loop run against a real server: 2 devices at 2.5 requests/s each (5/s in all, far below what even a
    /// busy machine serves with MobileNet), so every request is answered and none is refused, however slow the machine.
    /// </summary>
    [Fact]
    public async Task RunAsync_PoissonAgainstRealServer_AnswersEveryRequestWithItsDelay()
    {
        await using var server = await TestServer.StartAsync();
        var options = new LoadgenOptions
        {
            Edge = server.BaseAddress,
            Model = "mobilenet",
            Arrivals = LoadgenArrivals.Poisson,
            Devices = 2,
            RatePerDevicePerSecond = 2.5,
            Requests = 12,
        };

        var report = await LoadGenerator.RunAsync(options, TestContext.Current.CancellationToken);

        Assert.Equal(LoadgenArrivals.Poisson, report.Arrivals);
        Assert.Equal(12, report.Requests);
        Assert.Equal(12, report.Succeeded);
        Assert.Equal(0, report.Errors);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(12, report.ByStatus["200"]);
        Assert.Equal(5, report.OfferedRatePerSecond);
        Assert.True(report.MeanSeconds > 0 && report.P90Seconds >= report.P50Seconds && report.P99Seconds >= report.P90Seconds);
        Assert.True(report.ThroughputPerSecond > 0);
        Assert.InRange(report.MaxInFlight!.Value, 1, 12);

        // The run followed its schedule: the seeded arrivals, each with a delay no shorter than its dispatch lag.
        var schedule = ArrivalSchedule.Poisson(2, 2.5, options.Seed, 12, null);
        Assert.Equal(schedule.OffsetSeconds, report.Samples.Select(s => s.ArrivalSeconds));
        Assert.Equal(schedule.Devices, report.Samples.Select(s => s.Device));
        Assert.All(report.Samples, s => Assert.True(s.DelaySeconds > 0 && s.DelaySeconds >= s.DispatchLagSeconds && s.Status == 200));
        Assert.True(report.WallSeconds >= schedule.OffsetSeconds[^1], "the run lasts at least until the last arrival");
    }
}
