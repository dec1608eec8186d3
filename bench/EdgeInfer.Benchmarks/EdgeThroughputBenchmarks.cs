using BenchmarkDotNet.Attributes;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Issue 7 §4 target: throughput at saturation ≥ 90 % of in-process ORT throughput with the same threads (MobileNet).
/// Both sides use <see cref="Environment.ProcessorCount"/> workers of one intra-op thread each: in process, the
/// server's own pooled sessions (one per worker, called as the server calls them: copy, run, top 5) back to back;
/// through the server, that many slots and that many concurrent clients (plus as many queued, so a slot is never
/// idle). Each invocation completes <see cref="Inferences"/> inferences, so the time ratio is the inverse throughput
/// ratio.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*EdgeThroughputBenchmarks*'</c>.
/// </summary>
[MedianColumn]
[Config(typeof(EdgeBenchmarkConfig))]
public class EdgeThroughputBenchmarks
{
    private const int Inferences = 64;
    private readonly int workers = Environment.ProcessorCount;
    private EdgeBenchmarkServer server = null!;
    private RuntimeSession[] sessions = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        server = await EdgeBenchmarkServer.StartAsync(maxConcurrency: workers, intraOpThreads: 1);
        await server.WarmUpAsync(concurrency: 2 * workers);
        sessions = server.ServerSessions(workers);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Inferences)]
    public void InProcessOrt()
    {
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var session = sessions[w];
            while (Interlocked.Increment(ref next) < Inferences)
            {
                server.InferInProcess(session);
            }
        });
    }

    [Benchmark(OperationsPerInvoke = Inferences)]
    public async Task EdgeServerSaturated()
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 2 * workers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Inferences)
            {
                await server.InferAsync();
            }
        }));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await server.DisposeAsync();
    }
}
