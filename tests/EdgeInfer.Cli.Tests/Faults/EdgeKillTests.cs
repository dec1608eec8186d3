using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Execution;
using EdgeInfer.Device.Http;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Tests.Faults;

/// <summary>
/// The edge process SIGKILLed mid-work (docs/reliability.md, "Faults survived"): a real <c>edgeinfer serve</c> child over a
/// temporary repository with MobileNet, killed, and started again on the same port.
/// </summary>
public sealed class EdgeKillTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-fault-tests", Guid.NewGuid().ToString("N"));

    private string Repository => Path.Combine(root, "repo");

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task SigkillMidDownload_AfterRestart_DeviceResumesWithRange_ByteIdentical_NothingFetchedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        ModelRepository.Open(Repository).GetOrBuild("mobilenet");
        var model = Path.Combine(Repository, "mobilenet", "full", ModelRepository.ModelFileName);
        var total = new FileInfo(model).Length;
        var port = EdgeProcess.FreePort();
        var file = new DeviceModelCache(Path.Combine(root, "device")).PathOf("mobilenet", "full", "onnx");

        // A downlink at which the model takes about 4 s, so the kill lands mid-transfer; no retries: the device's next
        // request, after the restart, is what resumes.
        var rate = new BitsPerSecond(total * 8 / 4.0);
        using var client = new EdgeClient(new EdgeClientOptions
        {
            Edge = new Uri($"http://127.0.0.1:{port}"),
            Shaping = new LinkRates(rate, rate),
            MaxRetries = 0,
        });
        long kept;
        await using (var edge = await EdgeProcess.StartAsync(Repository, port, ct))
        {
            var download = client.DownloadAsync("mobilenet", null, "onnx", file, null, ct);
            await WaitUntilAsync(() => PartialBytes(file) > total / 3 || download.IsCompleted, ct);
            Assert.False(download.IsCompleted, "the download finished before the kill: the link is not slow enough");
            edge.Kill();
            var cut = await Assert.ThrowsAnyAsync<Exception>(() => download);
            Assert.True(cut is IOException or HttpRequestException, cut.ToString());
            kept = PartialBytes(file);
            Assert.InRange(kept, total / 3, total - 1);
            Assert.False(File.Exists(file), "an interrupted download must not appear complete");
        }

        await using (var restarted = await EdgeProcess.StartAsync(Repository, port, ct))
        {
            var (call, etag, problem) = await client.DownloadAsync("mobilenet", null, "onnx", file, null, ct);

            Assert.Null(problem);
            Assert.Equal(HttpStatusCode.PartialContent, call.Status);
            Assert.Equal(total - kept, call.Transfer.BytesDown); // only what it lacked: kept + fetched = total
            Assert.NotNull(etag);
            Assert.Equal(Sha256(model), Sha256(file));
            Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(file)!, "*.partial*"));
            TestContext.Current.TestOutputHelper?.WriteLine($"model {total} B: {kept} B before the kill, {call.Transfer.BytesDown} B after the restart");
        }
    }

    [Fact]
    public async Task SigkillMidPrune_AfterRestart_NoPartialVariantVisible_LeftoversCleaned_NextRequestPrunesAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        ModelRepository.Open(Repository).GetOrBuild("mobilenet");
        var port = EdgeProcess.FreePort();
        var cache = Path.Combine(Repository, Edge.Hosting.EdgeServer.CacheFolder);
        var variantDir = Path.Combine(cache, "mobilenet", "global-0.50");
        const string Url = "/v1/models/mobilenet/download?pf=0.5&method=global&format=wire";
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
        string[] left;
        double pruneSeconds;
        await using (var edge = await EdgeProcess.StartAsync(Repository, port, ct))
        {
            // How long a prune takes here (another pf, so the one killed below is not cached): the kill waits half of it.
            var probe = Stopwatch.StartNew();
            using (var first = await http.GetAsync("/v1/models/mobilenet/download?pf=0.3&method=global&format=wire", ct))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }

            pruneSeconds = probe.Elapsed.TotalSeconds;
            var request = http.GetAsync(Url, ct);
            await WaitUntilAsync(() => Directory.Exists(variantDir) || request.IsCompleted, ct);
            await WaitUntilAsync(
                () => (Directory.Exists(variantDir) && Directory.EnumerateFiles(variantDir).Any()) || request.IsCompleted,
                ct,
                TimeSpan.FromSeconds(pruneSeconds / 2));
            Assert.False(request.IsCompleted, $"the prune ({pruneSeconds:0.###} s) finished before the kill");
            edge.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => request);
            left = Directory.Exists(variantDir) ? [.. Directory.EnumerateFiles(variantDir).Select(f => Path.GetFileName(f))] : [];
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"prune {pruneSeconds:0.###} s; the kill left [{string.Join(", ", left)}]");
        // Whatever the kill left (temporaries, or nothing yet), a complete variant it is not.
        Assert.DoesNotContain(ModelRepository.ModelFileName, left);
        await using (var restarted = await EdgeProcess.StartAsync(Repository, port, ct))
        {
            List<string> remaining = Directory.Exists(variantDir) ? [.. Directory.EnumerateFiles(variantDir).Select(f => Path.GetFileName(f))] : [];
            Assert.DoesNotContain(remaining, f => f.EndsWith(".tmp", StringComparison.Ordinal)); // temporaries removed at start
            // Depends on the cache fix of the `build` helper (issue 14): the pruner writes model.eiw at its final path before
            // model.onnx is committed, so a kill between the two leaves an orphaned encoding that start-up must remove.
            Assert.True(
                remaining.Count == 0, $"left by the kill: [{string.Join(", ", left)}]; still there after the restart: [{string.Join(", ", remaining)}]");

            using (var catalog = JsonDocument.Parse(await http.GetStringAsync("/v1/models/mobilenet", ct)))
            {
                var variants = catalog.RootElement.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("variant").GetString()).ToList();
                Assert.Contains("global-0.30", variants); // the complete one survives the kill
                Assert.DoesNotContain("global-0.50", variants);
            }

            using var again = await http.GetAsync(Url, ct);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("pruned", Assert.Single(again.Headers.GetValues("X-EdgeInfer-Origin")));
            var body = await again.Content.ReadAsByteArrayAsync(ct);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(variantDir, "model.eiw"), ct), body);
            Assert.True(File.Exists(Path.Combine(variantDir, ModelRepository.ModelFileName)));
        }

        Assert.True(pruneSeconds > 0);
    }

    private static long PartialBytes(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Path.GetFileName(file) + ".partial*").Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max()
            : 0;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Polls <paramref name="condition"/> every 5 ms until it holds or <paramref name="limit"/> (default 30 s) passes.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < (limit ?? TimeSpan.FromSeconds(30)))
        {
            await Task.Delay(5, cancellationToken);
        }
    }
}
