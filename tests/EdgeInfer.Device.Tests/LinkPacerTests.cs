using System.Diagnostics;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Device.Shaping;
using Microsoft.Extensions.Time.Testing;

namespace EdgeInfer.Device.Tests;

public sealed class LinkPacerTests
{
    [Fact]
    public async Task PassAsync_OneMegabitAtFourMegabitsPerSecond_TakesAtLeastTheLinkTime()
    {
        // A lower bound only: the link can never be faster than its rate (the upper bound depends on the machine).
        var pacer = new LinkPacer(new BitsPerSecond(4e6));
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < 125_000 / 5000; i++)
        {
            await pacer.PassAsync(5000, i == 0, TestContext.Current.CancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Assert.True(elapsed >= 0.25 - 0.006, $"1 Mbit at 4 Mbit/s took {elapsed:0.###} s, less than the 0.25 s the link needs");
        Assert.Equal(0.25, pacer.SecondsFor(125_000), 12);
    }

    [Fact]
    public async Task PassAsync_NewTransferAfterIdle_GetsNoBurstCredit()
    {
        // On a fake clock, so that the runner's load cannot shift the timer. (On the real clock this once passed 2 ms early in CI:
        // the wait of 24.9999 ms, after float rounding, was truncated to a 24 ms timer; the pacer now rounds waits up.)
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider();
        var pacer = new LinkPacer(new BitsPerSecond(4e6), clock);
        clock.Advance(TimeSpan.FromMilliseconds(50)); // an idle link must not bank time
        var pass = pacer.PassAsync(12_500, firstOfTransfer: true, ct).AsTask(); // 25 ms of link time
        clock.Advance(TimeSpan.FromMilliseconds(24));
        Assert.False(pass.IsCompleted, "12,500 bytes at 4 Mbit/s passed in 24 ms after an idle 50 ms: the idle time was banked");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await pass.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }

    [Fact]
    public async Task PassAsync_LaterChunkOfATransfer_CatchesUpAtMostTheMaximumLag()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider();
        var pacer = new LinkPacer(new BitsPerSecond(4e6), clock);
        await pacer.PassAsync(250, firstOfTransfer: true, ct); // 0.5 ms of link time, below the minimum sleep: no wait
        clock.Advance(TimeSpan.FromMilliseconds(100)); // the sender stalls; the schedule lags the clock by 99 ms
        var pass = pacer.PassAsync(12_500, firstOfTransfer: false, ct).AsTask(); // 25 ms, of which 5 ms may be caught up
        clock.Advance(TimeSpan.FromMilliseconds(19));
        Assert.False(pass.IsCompleted, "a later chunk caught up more than the 5 ms maximum lag");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await pass.WaitAsync(TimeSpan.FromSeconds(10), ct);
    }

    [Fact]
    public void Constructor_NonPositiveRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkPacer(BitsPerSecond.Zero));

    [Fact]
    public async Task ShapingHandler_PostAndResponse_CountsBodyBytesBothWays()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await Edge.Tests.TestServer.StartAsync();
        var record = new TransferRecord();
        var gigabit = new BitsPerSecond(1e9);
        var shaping = new ShapingHandler(new LinkPacer(gigabit), new LinkPacer(gigabit)) { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(shaping) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/mobilenet/infer") { Content = Edge.Tests.TestServer.Tensor() };
        request.Options.Set(ShapingHandler.RecordKey, record);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(3 * 224 * 224 * 4, record.BytesUp);
        Assert.Equal(body.Length, record.BytesDown);
        Assert.True(record.UploadSeconds > 0);
    }
}
