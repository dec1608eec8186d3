using System.Net;

namespace EdgeInfer.Edge.Tests;

public sealed class WarmupTests
{
    [Fact]
    public async Task Warmup_BecomesReady_WithAPruneCalibrationAndTheFirstSessionOpen()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { Warmup = true });
        var deadline = DateTime.UtcNow.AddSeconds(120);
        HttpStatusCode ready;
        do
        {
            using var response = await server.Client.GetAsync("/readyz", ct);
            ready = response.StatusCode;
            if (ready != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
                await Task.Delay(100, ct);
            }
        }
        while (ready != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, ready);
        var status = await server.StatusAsync();
        var warmup = status.GetProperty("warmup");
        Assert.True(warmup.GetProperty("done").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, warmup.GetProperty("error").ValueKind);
        Assert.Equal("mobilenet", warmup.GetProperty("model").GetString());
        var bytes = warmup.GetProperty("modelBytes").GetInt64();
        var seconds = warmup.GetProperty("pruneSeconds").GetDouble();
        Assert.True(seconds > 0);
        Assert.Equal(bytes / seconds, warmup.GetProperty("pruneBytesPerSecond").GetDouble(), 6);
        // The warm-up's calibration prunes are not on-demand prunes and leave nothing in the cache.
        Assert.Equal(0, status.GetProperty("prunes").GetInt64());
        Assert.Equal(0, status.GetProperty("cache").GetProperty("bytes").GetInt64());
        // Its zero-tensor inference opened the full model's session.
        var load = Assert.Single(status.GetProperty("sessionOpen").EnumerateArray());
        Assert.Equal("full", load.GetProperty("variant").GetString());
    }

    [Fact]
    public async Task NoWarmup_IsReadyAtOnce()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Client.GetAsync("/readyz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await server.StatusAsync()).GetProperty("warmup").GetProperty("done").GetBoolean());
    }
}
