using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Tests;

public sealed class CacheRaceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-cache-race-tests", Guid.NewGuid().ToString("N"));
    private readonly EdgeMetrics metrics = new(() => 0, () => 0);

    [Fact]
    public async Task Delete_WhileTheVariantIsBuilt_WaitsForTheBuild_WaitersGetTheFile_NothingOrphaned()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(pruner: pruner);
        var variantFolder = Path.Combine(server.RepositoryRoot, EdgeServer.CacheFolder, "mobilenet", "global-0.50");

        var waiters = Enumerable.Range(0, 3).Select(_ => server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5&format=wire", ct)).ToList();
        await pruner.WaitEnteredAsync();
        var delete = server.Client.DeleteAsync("/v1/models/mobilenet/cache?pf=0.5", ct);
        await Task.Delay(300, ct);
        Assert.False(delete.IsCompleted); // it waits for the build instead of removing files under it
        pruner.Release();

        foreach (var waiter in waiters)
        {
            using var response = await waiter;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync(ct)).Length > 1000);
        }

        using var deleted = await delete;
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(2, (await deleted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("removedFiles").GetInt32());
        Assert.False(Directory.Exists(variantFolder)); // the emptied folder goes too
        Assert.Equal(1, pruner.Prunes);
    }

    [Fact]
    public async Task Remove_VariantStillInUse_Is409AndRemovesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = new VariantCache(root, 1 << 20, metrics);
        var file = await cache.GetOrBuildAsync(cache.PathOf("m", "v", "model.onnx"), p => File.WriteAllBytes(p, new byte[10]), ct);
        using (cache.Lease("m", "v"))
        {
            var conflict = await Assert.ThrowsAsync<EdgeProblemException>(() => cache.RemoveAsync("m", "v", TimeSpan.FromMilliseconds(100), ct));
            Assert.Equal(409, conflict.Status);
            Assert.True(File.Exists(file.Path));
        }

        Assert.Equal(1, await cache.RemoveAsync("m", "v", TimeSpan.Zero, ct));
        Assert.False(Directory.Exists(Path.Combine(root, "m")));
    }

    [Fact]
    public async Task Prune_FailsAfterWritingTheWireForm_LeavesNeitherFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(pruner: new WireThenFailPruner());
        using var response = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var cache = Path.Combine(server.RepositoryRoot, EdgeServer.CacheFolder);
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache));
    }

    [Fact]
    public void Open_AfterACrash_RemovesTemporariesOrphanedEncodingsUnverifiedFilesAndEmptyFolders()
    {
        var good = Path.Combine(root, "m", "good");
        Directory.CreateDirectory(good);
        File.WriteAllBytes(Path.Combine(good, "model.onnx"), new byte[100]);
        File.WriteAllText(Path.Combine(good, "model.onnx.sum"), FileChecksum.Compute(Path.Combine(good, "model.onnx")));
        var orphan = Path.Combine(root, "m", "orphan");
        Directory.CreateDirectory(orphan);
        File.WriteAllBytes(Path.Combine(orphan, VariantStore.WireFileName), new byte[50]);
        File.WriteAllText(Path.Combine(orphan, VariantStore.WireFileName + ".sum"), FileChecksum.Compute(Path.Combine(orphan, VariantStore.WireFileName)));
        File.WriteAllBytes(Path.Combine(orphan, "model.onnx.123.abc.tmp"), new byte[70]);
        var unverified = Path.Combine(root, "m", "unverified");
        Directory.CreateDirectory(unverified);
        File.WriteAllBytes(Path.Combine(unverified, "model.onnx"), new byte[30]);
        Directory.CreateDirectory(Path.Combine(root, "empty", "folder"));

        var cache = new VariantCache(root, 1 << 20, metrics);

        Assert.Equal(3, cache.StartupRemovedFiles); // the temporary, the orphaned wire file, the unverified model (sidecars not counted)
        var left = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p)).Order();
        Assert.Equal(["m", Path.Combine("m", "good"), Path.Combine("m", "good", "model.onnx"), Path.Combine("m", "good", "model.onnx.sum")], left);
    }

    [Fact]
    public async Task Evict_TakesWholeVariants_NeverLeavesAnEncodingWithoutItsModel()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = new VariantCache(root, limitBytes: 2500, metrics);
        await cache.GetOrBuildAsync(cache.PathOf("m", "a", "model.onnx"), t =>
        {
            File.WriteAllBytes(t.Output, new byte[800]);
            File.WriteAllBytes(t.Companion(cache.PathOf("m", "a", VariantStore.WireFileName)), new byte[400]);
        }, BuildPlan.None, ct);
        await cache.GetOrBuildAsync(cache.PathOf("m", "b", "model.onnx"), p => File.WriteAllBytes(p, new byte[1000]), ct);
        await cache.GetOrBuildAsync(cache.PathOf("m", "c", "model.onnx"), t => File.WriteAllBytes(t.Output, new byte[1000]), new BuildPlan(1000, null), ct);

        Assert.False(Directory.Exists(Path.Combine(root, "m", "a"))); // least recently used: dense and wire went together
        Assert.True(File.Exists(cache.PathOf("m", "b", "model.onnx")));
        Assert.Equal(2000, cache.TotalBytes());
    }

    public void Dispose()
    {
        metrics.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes the wire form, then fails before the dense model: a crash in the middle of a prune.</summary>
    private sealed class WireThenFailPruner : IModelPruner
    {
        public void Prune(string input, string output, ModelVariant variant, string? wireOutput = null)
        {
            File.WriteAllBytes(wireOutput!, new byte[1000]);
            throw new InvalidOperationException("crashed after the wire file");
        }

        public void EncodeWire(string input, string output) => throw new NotSupportedException();

        public void EncodeSparseOnnx(string input, string output) => throw new NotSupportedException();
    }
}
