using EdgeInfer.Core.Quantities;
using EdgeInfer.Device.Execution;
using EdgeInfer.Device.Http;
using EdgeInfer.Device.Shaping;
using EdgeInfer.Edge.Tests;

namespace EdgeInfer.Device.Tests;

/// <summary>
/// A link that drops connections and stalls at random (<see cref="LinkFaults"/> in the shaping layer) against a real
/// server on 127.0.0.1: every request is answered exactly once, by a retry or by local fallback, and the report says how.
/// The seeds are fixed, so each run meets the same faults.
/// </summary>
public sealed class LinkFaultTests : IAsyncLifetime
{
    /// <summary>Seed of the edge run: 13 drops, 3 requests that lose both attempts and fall back (seeds 1–12 give 0–4 fallbacks).</summary>
    private const int Seed = 7;
    private readonly string cacheRoot = Path.Combine(Path.GetTempPath(), "edgeinfer-device-tests", Guid.NewGuid().ToString("N"));
    private TestServer server = null!;

    public async ValueTask InitializeAsync() => server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        if (Directory.Exists(cacheRoot))
        {
            Directory.Delete(cacheRoot, recursive: true);
        }
    }

    [Fact]
    public async Task EdgeFull_ThirtyRequestsOverALinkDroppingAFifth_EachAnsweredExactlyOnce_ByRetryOrLocalFallback()
    {
        var ct = TestContext.Current.CancellationToken;
        // The model on the device first, so a request the edge keeps failing can fall back to local inference.
        var cache = new DeviceModelCache(cacheRoot);
        using (var plain = new EdgeClient(new EdgeClientOptions { Edge = server.BaseAddress }))
        {
            var file = cache.PathOf("mobilenet", "full", "onnx");
            var (_, etag, problem) = await plain.DownloadAsync("mobilenet", null, "onnx", file, null, ct);
            Assert.Null(problem);
            DeviceModelCache.SetETag(file, etag);
        }

        // One retry per request: with a drop probability of 0.2 about one request in 25 loses both attempts.
        var faults = new LinkFaultOptions { DropProbability = 0.2, StallProbability = 0.1, StallLength = new Seconds(0.02), Seed = Seed };
        var request = Request("edge-full", 30) with { MaxRetries = 1, Faults = faults };
        var report = await DeviceClient.RunAsync(request, null, ct);

        var run = Assert.Single(report.Runs);
        Assert.Equal(Enumerable.Range(1, 30), run.RequestLog.Select(q => q.Id)); // each request once, in order, none lost
        Assert.Equal(30, run.Completed);
        Assert.Empty(run.Errors);
        Assert.All(run.RequestLog, q => Assert.True(q.ServedBy is "edge" or "device", q.ToString()));
        Assert.Single(run.RequestLog.Select(q => q.Top1).Distinct()); // same input: the edge and the fallback give the same class
        Assert.NotNull(run.RequestLog[0].Top1);

        // What happened adds up: per-request drops, stalls and retries sum to the run's, a fallback took both attempts' drops.
        Assert.True(run.Drops > 0, "no drop was injected");
        Assert.Equal(run.Drops, run.RequestLog.Sum(q => q.Drops));
        Assert.Equal(run.Stalls, run.RequestLog.Sum(q => q.Stalls));
        Assert.Equal(run.Retries, run.RequestLog.Sum(q => q.Retries));
        Assert.True(run.Retries > 0, "no request was retried");
        Assert.Equal(run.Fallbacks, run.RequestLog.Count(q => q.Fallback));
        Assert.All(run.RequestLog.Where(q => q.Fallback), q => Assert.Equal(("device", 1L), (q.ServedBy, q.Retries)));
        Assert.True(run.Fallbacks >= 1, $"seed {Seed} is chosen so that at least one request falls back; got none");
        Assert.Equal(30 - run.Fallbacks, run.RequestLog.Count(q => q.ServedBy == "edge"));
        Assert.Equal(report.Fallbacks, run.Fallbacks);
        Assert.True(report.Drops >= run.Drops);
        Assert.NotNull(report.Faults);
    }

    [Fact]
    public async Task DeviceFull_DownloadOverADroppingLink_ResumesWithRange_ByteIdentical_NoByteFetchedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var faults = new LinkFaultOptions { DropProbability = 0.5, Seed = Seed };
        var report = await DeviceClient.RunAsync(Request("device-full", 2) with { MaxRetries = 6, Faults = faults }, null, ct);

        var run = Assert.Single(report.Runs);
        Assert.Equal(2, run.Completed);
        Assert.Equal([1, 2], run.RequestLog.Select(q => q.Id));
        var model = Path.Combine(server.RepositoryRoot, "mobilenet", "full", "model.onnx");
        var downloaded = new DeviceModelCache(cacheRoot).PathOf("mobilenet", "full", "onnx");
        Assert.Equal(await File.ReadAllBytesAsync(model, ct), await File.ReadAllBytesAsync(downloaded, ct));
        Assert.Contains(run.Notes, n => n.StartsWith("download cut off", StringComparison.Ordinal));
        Assert.Equal(new FileInfo(model).Length, run.Measured.BytesDown); // the resumed parts add up to the file, nothing twice
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(downloaded)!, "*.partial*"));
    }

    [Fact]
    public void Options_OutOfRange_OneMessageNamingEveryProblem()
    {
        var bad = new LinkFaultOptions { DropProbability = 1, StallProbability = -0.1, StallLength = new Seconds(601) };
        var error = Assert.Throws<Core.EdgeInferInputException>(() => bad.Validated());
        Assert.Contains("dropProbability 1 is outside [0, 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("stallProbability -0.1 is outside [0, 1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("stallLength 601 s is above 600 s", error.Message, StringComparison.Ordinal);
        Assert.False(LinkFaultOptions.None.IsActive);
    }

    [Fact]
    public async Task Next_SameSeed_SameFaults()
    {
        var ct = TestContext.Current.CancellationToken;
        async Task<(long Drops, long Stalls)> Run()
        {
            var options = new LinkFaultOptions { DropProbability = 0.3, StallProbability = 0.3, StallLength = new Seconds(0.001), Seed = 5 };
            using var client = new EdgeClient(new EdgeClientOptions { Edge = server.BaseAddress, MaxRetries = 0, Faults = options });
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    await client.StatusAsync(ct);
                }
                catch (HttpRequestException)
                {
                }
            }

            return (client.Faults!.Drops, client.Faults.Stalls);
        }

        var first = await Run();
        Assert.Equal(first, await Run());
        Assert.True(first.Drops > 0 && first.Stalls > 0);
    }

    private DeviceRunRequest Request(string strategy, int requests) => new()
    {
        Edge = server.BaseAddress,
        Model = "mobilenet",
        Requests = requests,
        Strategy = strategy,
        Shaping = false,
        CacheRoot = cacheRoot,
        MeasureOverheads = false,
    };
}
