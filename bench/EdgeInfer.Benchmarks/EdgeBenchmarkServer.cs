using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using EdgeInfer.Contracts;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Runtime.Classification;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeInfer.Benchmarks;

/// <summary>A real edge server on 127.0.0.1 (free port) over a benchmark repository holding MobileNet, and a client for it.</summary>
internal sealed class EdgeBenchmarkServer : IAsyncDisposable
{
    private EdgeBenchmarkServer(WebApplication app, ModelEntry model)
    {
        App = app;
        Model = model;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.Urls.First()) };
        var values = new float[3 * 224 * 224];
        var random = new Random(42);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        Tensor = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    public WebApplication App { get; }

    /// <summary>The server's own session pool: the in-process baselines run the very sessions the server runs.</summary>
    public SessionPool Sessions => App.Services.GetRequiredService<SessionPool>();

    public ModelEntry Model { get; }

    public HttpClient Client { get; }

    /// <summary>The input: a deterministic 1×3×224×224 float32 tensor.</summary>
    public byte[] Tensor { get; }

    /// <summary>Starts a server with <paramref name="maxConcurrency"/> slots of <paramref name="intraOpThreads"/> threads each.</summary>
    public static async Task<EdgeBenchmarkServer> StartAsync(int maxConcurrency, int intraOpThreads)
    {
        var repository = Path.Combine(Path.GetTempPath(), "edgeinfer-bench", "edge-repository");
        var model = ModelRepository.Open(repository).GetOrBuild("mobilenet");
        var app = EdgeServer.Build(new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = repository,
            MaxConcurrency = maxConcurrency,
            QueueLimit = 1024,
            IntraOpThreads = intraOpThreads,
            Warmup = false, // each benchmark warms up itself; a start-up prune must not run during measurement
        });
        await app.StartAsync();
        return new EdgeBenchmarkServer(app, model);
    }

    /// <summary>
    /// Requests sent before measuring (<see cref="WarmUpAsync"/>), so the JIT (tiered, with dynamic PGO) and
    /// the thread pool reach their steady state: with BenchmarkDotNet's warm-up alone (~600 requests) the first saturated
    /// iterations ran 20–40 % slower than the last ones, i.e. the server was measured while it was still compiling.
    /// </summary>
    public const int WarmupRequests = 2000;

    /// <summary>Sends <see cref="WarmupRequests"/> inferences, <paramref name="concurrency"/> at a time.</summary>
    public async Task WarmUpAsync(int concurrency)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < WarmupRequests)
            {
                await InferAsync();
            }
        }));
    }

    /// <summary>One inference over HTTP; the JSON answer is read whole.</summary>
    public async Task<int> InferAsync()
    {
        using var content = new ByteArrayContent(Tensor);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("X-Tensor-Shape", "1,3,224,224");
        using var response = await Client.PostAsync("/v1/models/mobilenet/infer", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>
    /// Rents <paramref name="count"/> of the server's sessions for the full model (opening what the pool lacks) and
    /// gives them back, so the pool then holds at least that many idle ones; returns them for in-process use while no
    /// HTTP request runs.
    /// </summary>
    public RuntimeSession[] ServerSessions(int count)
    {
        var rented = new RuntimeSession[count];
        for (var i = 0; i < count; i++)
        {
            rented[i] = Sessions.Rent(Model.ModelPath, out _);
        }

        foreach (var session in rented)
        {
            Sessions.Return(session);
        }

        return rented;
    }

    /// <summary>
    /// Exactly the server's inference step, in process: copy the tensor into the session's input buffer, run, take the
    /// top 5 (what <see cref="InferenceService"/> does between taking a slot and answering).
    /// </summary>
    public int InferInProcess(RuntimeSession session)
    {
        Tensor.AsSpan().CopyTo(MemoryMarshal.AsBytes(session.Input(0)));
        session.Run();
        return TopK.Of(session.Output(0), 5, static (index, probability, logit) => new ClassScore(index, probability, logit)).Length;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
