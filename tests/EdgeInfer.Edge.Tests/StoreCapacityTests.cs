using System.Net;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Tests;

public sealed class StoreCapacityTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-capacity-tests", Guid.NewGuid().ToString("N"));
    private readonly EdgeMetrics metrics = new(() => 0, () => 0);

    [Fact]
    public async Task Download_VariantLargerThanTheCache_Is507_ServerKeepsServingWhatItHas()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { CacheLimit = new Bytes(1_000_000) });

        using var refused = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
        Assert.Equal((HttpStatusCode)507, refused.StatusCode);
        var (title, detail) = await Problems.ReadAsync(refused);
        Assert.Equal("Insufficient storage", title);
        Assert.Contains("mobilenet/global-0.50", detail, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.RepositoryRoot, EdgeServer.CacheFolder)));

        using var full = await server.Client.GetAsync("/v1/models/mobilenet/download", ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        using var inferred = await server.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct);
        Assert.Equal(HttpStatusCode.OK, inferred.StatusCode);
        using var health = await server.Client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Download_DiskFullDuringThePrune_Is507_LeavesNothingBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(pruner: new DiskFullPruner());
        using var refused = await server.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
        Assert.Equal((HttpStatusCode)507, refused.StatusCode);
        Assert.Contains("disk", (await Problems.ReadAsync(refused)).Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(server.RepositoryRoot, EdgeServer.CacheFolder)));
        using var full = await server.Client.GetAsync("/v1/models/mobilenet/download", ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Build_CannotFitBesideVariantsInUse_Is507_AndTheUsedOnesStay()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = new VariantCache(root, limitBytes: 2000, metrics);
        var a = await cache.GetOrBuildAsync(cache.PathOf("m", "a", "model.onnx"), p => File.WriteAllBytes(p, new byte[1500]), ct);
        using (cache.Lease("m", "a"))
        {
            var full = await Assert.ThrowsAsync<EdgeProblemException>(() =>
                cache.GetOrBuildAsync(cache.PathOf("m", "b", "model.onnx"), t => File.WriteAllBytes(t.Output, new byte[1000]), new BuildPlan(1000, null), ct));
            Assert.Equal(507, full.Status);
            Assert.True(File.Exists(a.Path));
        }

        // Once a is no longer in use it is evicted to make room.
        var b = await cache.GetOrBuildAsync(
            cache.PathOf("m", "b", "model.onnx"), t => File.WriteAllBytes(t.Output, new byte[1000]), new BuildPlan(1000, null), ct);
        Assert.True(b.Created);
        Assert.False(File.Exists(a.Path));
    }

    [Fact]
    public async Task Build_LargerThanExpected_AndThanTheLimit_Is507AndNotKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = new VariantCache(root, limitBytes: 1000, metrics);
        var path = cache.PathOf("m", "big", "model.onnx");
        var error = await Assert.ThrowsAsync<EdgeProblemException>(() => cache.GetOrBuildAsync(path, p => File.WriteAllBytes(p, new byte[1500]), ct));
        Assert.Equal(507, error.Status);
        Assert.False(Directory.Exists(Path.Combine(root, "m")));
    }

    public void Dispose()
    {
        metrics.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Writes part of the output, then fails as a full disk does on Linux (ENOSPC, HResult 28).</summary>
    private sealed class DiskFullPruner : IModelPruner
    {
        public void Prune(string input, string output, ModelVariant variant, string? wireOutput = null)
        {
            File.WriteAllBytes(output, new byte[4096]);
            throw new IOException("No space left on device : '" + output + "'", 28);
        }

        public void EncodeWire(string input, string output) => throw new NotSupportedException();

        public void EncodeSparseOnnx(string input, string output) => throw new NotSupportedException();
    }
}
