using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EdgeInfer.Edge.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Download_ConcurrentOnDemandRequests_PruneExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(pruner: pruner);
        const string Url = "/v1/models/mobilenet/download?pf=0.5&method=global&format=wire";
        var downloads = Enumerable.Range(0, 8).Select(_ => server.Client.GetAsync(Url, ct)).ToList();
        await pruner.WaitEnteredAsync();
        await Task.Delay(200, ct); // let every request reach the single flight
        pruner.Release(8);
        var responses = await Task.WhenAll(downloads);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        Assert.Equal(1, pruner.Prunes);
        Assert.Equal(1, (await server.StatusAsync()).GetProperty("prunes").GetInt64());
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Infer_BeyondSlotsAndQueue_Gets429WithRetryAfterNeverACrash()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(o => o with { MaxConcurrency = 1, QueueLimit = 1 }, pruner);

        // The first request holds the only slot while its on-demand prune is blocked; the second queues.
        var holder = server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.3", TestServer.Tensor(), ct);
        await pruner.WaitEnteredAsync();
        var queued = server.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct);
        await WaitForAsync(async () => (await server.StatusAsync()).GetProperty("queued").GetInt32() == 1);

        using (var rejected = await server.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
            Assert.NotNull(rejected.Headers.RetryAfter);
            var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
        }

        pruner.Release();
        using var first = await holder;
        using var second = await queued;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz", ct)).StatusCode);
    }

    [Fact]
    public async Task Infer_QueuedLongerThanTimeout_Gets503WithRetryAfter_CountedAsQueueTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(
            o => o with { MaxConcurrency = 1, QueueLimit = 4, RequestTimeout = new Core.Quantities.Seconds(0.3) }, pruner);
        var holder = server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.3", TestServer.Tensor(), ct);
        await pruner.WaitEnteredAsync();
        using (var timedOut = await server.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);
            Assert.True(timedOut.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        }

        // Counted in the rejection metric with its reason.
        var metrics = await server.Client.GetStringAsync("/metrics", ct);
        Assert.Matches("edgeinfer_rejections_total\\{[^}]*reason=\"queue_timeout\"[^}]*\\} 1", metrics);
        pruner.Release();
        using var first = await holder;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Shutdown_WithRequestInFlight_CompletesTheRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        var server = await TestServer.StartAsync(pruner: pruner);
        try
        {
            var inflight = server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.4", TestServer.Tensor(), ct);
            await pruner.WaitEnteredAsync();
            var stopping = server.App.StopAsync(ct);
            await Task.Delay(300, ct);
            Assert.False(stopping.IsCompleted, "shutdown must wait for the in-flight request");
            pruner.Release();
            using var response = await inflight;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await stopping;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("Condition not met within 5 s.");
    }
}
