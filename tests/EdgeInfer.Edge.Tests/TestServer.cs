using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using Microsoft.AspNetCore.Builder;

namespace EdgeInfer.Edge.Tests;

/// <summary>A real edge server on 127.0.0.1 with a free port, over a temporary repository holding MobileNet.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly string root;

    private TestServer(string root, WebApplication app)
    {
        this.root = root;
        App = app;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string RepositoryRoot => Path.Combine(root, "repo");

    public static async Task<TestServer> StartAsync(
        Func<EdgeServerOptions, EdgeServerOptions>? configure = null, IModelPruner? pruner = null, CalibrationProvider? calibration = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "edgeinfer-edge-tests", Guid.NewGuid().ToString("N"));
        var repo = Path.Combine(root, "repo");
        SharedModel.CopyTo(repo);
        var options = new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = repo,
            MaxConcurrency = 2,
            QueueLimit = 8,
            IntraOpThreads = 1,
            Warmup = false,
        };
        var app = EdgeServer.Build(configure?.Invoke(options) ?? options, pruner, calibration: calibration);
        await app.StartAsync();
        return new TestServer(root, app);
    }

    /// <summary>A deterministic input tensor for MobileNet as request content.</summary>
    public static ByteArrayContent Tensor(int floats = 3 * 224 * 224, string shape = "1,3,224,224")
    {
        var values = new float[floats];
        var random = new Random(7);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        var content = new ByteArrayContent(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("X-Tensor-Shape", shape);
        return content;
    }

    public async Task<JsonElement> StatusAsync() => await Client.GetFromJsonAsync<JsonElement>("/v1/status");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>MobileNet built once per test run into a shared repository, copied into each server's repository.</summary>
    private static class SharedModel
    {
        private static readonly Lazy<string> Built = new(() =>
        {
            var repo = Path.Combine(Path.GetTempPath(), "edgeinfer-edge-tests", "shared-" + Environment.ProcessId);
            ModelRepository.Open(repo).GetOrBuild("mobilenet");
            return repo;
        });

        public static void CopyTo(string destination)
        {
            foreach (var file in Directory.EnumerateFiles(Built.Value, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(destination, Path.GetRelativePath(Built.Value, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
