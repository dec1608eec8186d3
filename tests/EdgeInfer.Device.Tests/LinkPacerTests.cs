using System.Diagnostics;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Device.Shaping;

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
        var pacer = new LinkPacer(new BitsPerSecond(4e6));
        await Task.Delay(50, TestContext.Current.CancellationToken); // an idle link must not bank time
        var start = Stopwatch.GetTimestamp();
        await pacer.PassAsync(12_500, firstOfTransfer: true, TestContext.Current.CancellationToken); // 25 ms of link time
        Assert.True(Stopwatch.GetElapsedTime(start).TotalSeconds >= 0.025 - 0.002);
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
