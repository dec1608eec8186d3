using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Issue 7 §4 target: the edge server adds ≤ 1 ms at p50 over an in-process ORT run of the same model (MobileNet,
/// no shaping). Baseline: copy the input tensor into an ORT session (edge role, 1 intra-op thread) and run it, in
/// process. Against it: the same inference through the server (HTTP POST of the 602,112-byte tensor on 127.0.0.1,
/// admission, the server's session of the same options, top-5 JSON back). The overhead is the difference of the medians.
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
        session = RuntimeSession.Open(server.Model.ModelPath, new RuntimeOptions { Role = RuntimeRole.Edge, IntraOpThreads = 1, WarmupRuns = 3 });
        for (var i = 0; i < 3; i++)
        {
            await server.InferAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public float InProcessOrt()
    {
        server.Tensor.AsSpan().CopyTo(MemoryMarshal.AsBytes(session.Input(0)));
        session.Run();
        return session.Output(0)[0];
    }

    [Benchmark]
    public Task<int> EdgeServerInfer() => server.InferAsync();

    [GlobalCleanup]
    public async Task Cleanup()
    {
        session.Dispose();
        await server.DisposeAsync();
    }
}
