using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Variants;

namespace EdgeInfer.Edge.Tests;

public sealed class VariantCacheTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-cache-tests", Guid.NewGuid().ToString("N"));
    private readonly EdgeMetrics metrics = new(() => 0, () => 0);

    [Fact]
    public async Task GetOrBuild_OverTheBound_EvictsLeastRecentlyUsed()
    {
        var cache = new VariantCache(root, limitBytes: 2500, metrics);
        var ct = TestContext.Current.CancellationToken;
        var a = await cache.GetOrBuildAsync(cache.PathOf("m", "a", "f"), p => File.WriteAllBytes(p, new byte[1000]), ct);
        var b = await cache.GetOrBuildAsync(cache.PathOf("m", "b", "f"), p => File.WriteAllBytes(p, new byte[1000]), ct);
        Assert.NotNull(cache.TryGet(a.Path)); // a is now more recent than b
        var c = await cache.GetOrBuildAsync(cache.PathOf("m", "c", "f"), p => File.WriteAllBytes(p, new byte[1000]), ct);

        Assert.True(File.Exists(a.Path), string.Join(";", Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) + " a=" + a.Path);
        Assert.False(File.Exists(b.Path));
        Assert.True(File.Exists(c.Path));
        Assert.Equal(1, cache.Evictions);
        Assert.Equal(2000, cache.TotalBytes());
    }

    [Fact]
    public async Task GetOrBuild_BuildFails_LeavesNoFileAndRetries()
    {
        var cache = new VariantCache(root, limitBytes: 1 << 20, metrics);
        var ct = TestContext.Current.CancellationToken;
        var path = cache.PathOf("m", "v", "f");
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrBuildAsync(path, p =>
        {
            File.WriteAllBytes(p, new byte[10]);
            throw new InvalidOperationException("half written");
        }, ct));
        Assert.Empty(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));

        var built = await cache.GetOrBuildAsync(path, p => File.WriteAllBytes(p, new byte[10]), ct);
        Assert.True(built.Created);
        Assert.Equal(10, built.Length);
    }

    [Fact]
    public void Open_WithLeftoverTemporary_RemovesIt()
    {
        Directory.CreateDirectory(Path.Combine(root, "m", "v"));
        var leftover = Path.Combine(root, "m", "v", "model.onnx.123.abc.tmp");
        File.WriteAllBytes(leftover, new byte[5]);
        _ = new VariantCache(root, 100, metrics);
        Assert.False(File.Exists(leftover));
    }

    public void Dispose()
    {
        metrics.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
