using System.Net;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Edge.Tests;

public sealed class CorruptFileTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-corrupt-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Repository_TruncatedModel_Is500NamingTheFile_OtherModelsStillServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync();
        CopyFolder(Path.Combine(server.RepositoryRoot, "mobilenet"), Path.Combine(server.RepositoryRoot, "other"));
        var model = Path.Combine(server.RepositoryRoot, "mobilenet", "full", "model.onnx");
        using (var stream = new FileStream(model, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        foreach (var request in new[] { "/v1/models/mobilenet/download", "/v1/models/mobilenet/download?pf=0.5&format=wire" })
        {
            using var refused = await server.Client.GetAsync(request, ct);
            Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
            var (title, detail) = await Problems.ReadAsync(refused);
            Assert.Equal("Corrupt model file", title);
            Assert.Contains("mobilenet/full/model.onnx", detail, StringComparison.Ordinal);
        }

        using (var inferred = await server.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, inferred.StatusCode);
        }

        using var other = await server.Client.PostAsync("/v1/models/other/infer?pf=0.5", TestServer.Tensor(), ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var health = await server.Client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Cache_FlippedByteInWireFile_AfterRestart_IsNotServedButRebuilt()
    {
        var ct = TestContext.Current.CancellationToken;
        var repo = Path.Combine(root, "repo");
        byte[] original;
        await using (var first = await TestServer.StartAsync())
        {
            original = await first.Client.GetByteArrayAsync("/v1/models/mobilenet/download?pf=0.5&format=wire", ct);
            CopyFolder(first.RepositoryRoot, repo);
        }

        var wire = Path.Combine(repo, EdgeServer.CacheFolder, "mobilenet", "global-0.50", "model.eiw");
        var bytes = File.ReadAllBytes(wire);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(wire, bytes);
        File.SetLastWriteTimeUtc(wire, File.GetLastWriteTimeUtc(wire).AddSeconds(-10));

        await using var second = await TestServer.StartAsync(o => o with { Repository = repo });
        using var response = await second.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5&format=wire", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.NotEqual(bytes, served);
        Assert.Equal(original, served);
    }

    [Fact]
    public async Task Cache_TruncatedDenseModel_AfterRestart_IsRemovedWithItsEncodingAndPrunedAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        var repo = Path.Combine(root, "repo");
        await using (var first = await TestServer.StartAsync())
        {
            using var built = await first.Client.GetAsync("/v1/models/mobilenet/download?pf=0.5", ct);
            Assert.Equal(HttpStatusCode.OK, built.StatusCode);
            CopyFolder(first.RepositoryRoot, repo);
        }

        var folder = Path.Combine(repo, EdgeServer.CacheFolder, "mobilenet", "global-0.50");
        using (var stream = new FileStream(Path.Combine(folder, "model.onnx"), FileMode.Open))
        {
            stream.SetLength(1000);
        }

        await using var second = await TestServer.StartAsync(o => o with { Repository = repo });
        Assert.False(Directory.Exists(folder)); // the dense model and its wire form are gone, and so is the folder
        using var inferred = await second.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.5", TestServer.Tensor(), ct);
        Assert.Equal(HttpStatusCode.OK, inferred.StatusCode);
        Assert.Equal("pruned", await OriginAsync(inferred));
    }

    [Fact]
    public async Task SessionPool_FileThatDoesNotLoad_Is500AndDoesNotPoisonThePool()
    {
        await using var server = await TestServer.StartAsync();
        var good = Path.Combine(server.RepositoryRoot, "mobilenet", "full", "model.onnx");
        Directory.CreateDirectory(root);
        var bad = Path.Combine(root, "model.onnx");
        File.WriteAllBytes(bad, File.ReadAllBytes(good).AsSpan(0, 100_000).ToArray());
        using var pool = new SessionPool(new RuntimeOptions { Role = RuntimeRole.Edge, IntraOpThreads = 1, WarmupRuns = 0 });

        var error = Assert.Throws<EdgeProblemException>(() => pool.Rent(bad, out _));
        Assert.Equal(500, error.Status);
        Assert.Equal("Corrupt model file", error.Title);
        Assert.Equal(0, pool.Opened);
        Assert.Throws<EdgeProblemException>(() => pool.Rent(bad, out _)); // tried again, not a cached failure
        var session = pool.Rent(good, out var opened);
        Assert.True(opened);
        pool.Return(session);
        Assert.Equal(1, pool.Opened);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> OriginAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("origin").GetString()!;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
