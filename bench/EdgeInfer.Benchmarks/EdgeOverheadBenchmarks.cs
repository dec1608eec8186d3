using BenchmarkDotNet.Attributes;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Issue 7 §4 target: the edge server adds ≤ 1 ms at p50 over an in-process ORT run of the same model (MobileNet,
/// no shaping). Baseline: the server's own pooled session (edge role, 1 intra-op thread), called in process exactly as
/// the server calls it: copy the input tensor into its input buffer, run, top 5. Against it: the same inference
/// through the server (HTTP POST of the 602,112-byte tensor on 127.0.0.1, body read, admission, the same session,
/// top-5 JSON back). The overhead is the difference of the medians.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*EdgeOverheadBenchmarks*'</c>.
/// </summary>
[MedianColumn]
[MinColumn]
[Config(typeof(EdgeBenchmarkConfig))]
public class EdgeOverheadBenchmarks
{
    private EdgeBenchmarkServer server = null!;
    private RuntimeSession session = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        server = await EdgeBenchmarkServer.StartAsync(maxConcurrency: 1, intraOpThreads: 1);
        await server.WarmUpAsync(concurrency: 1);

        session = server.ServerSessions(1)[0];
    }

    [Benchmark(Baseline = true)]
    public int InProcessOrt() => server.InferInProcess(session);

    [Benchmark]
    public Task<int> EdgeServerInfer() => server.InferAsync();

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await server.DisposeAsync();
    }
}
