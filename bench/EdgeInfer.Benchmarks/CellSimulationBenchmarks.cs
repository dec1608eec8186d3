using BenchmarkDotNet.Attributes;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// The cell simulator's throughput on the reference workload (examples/cell-reference.json: 1 cell, 10,000 devices,
/// 20 models × 4 variants, the joint policy placing every request and touching the store): one run of ≈ 500 k and
/// ≈ 1 M requests on one thread. Requests per second = requests (printed by the run) / mean time. Allocation: the two
/// durations allocate the same (setup: device arrays, radio evaluation), so the steady state allocates 0 B per request.
/// </summary>
[MemoryDiagnoser]
public class CellSimulationBenchmarks
{
    private CellSimulator simulator = null!;

    [Params(500, 1000)]
    public int DurationSeconds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepositoryRoot(), "examples", "cell-reference.json");
        var scenario = CellScenarioJson.Parse(File.ReadAllText(path)) with { Duration = new Seconds(DurationSeconds) };
        simulator = new CellSimulator(scenario);
        var requests = simulator.Run(new JointPolicy(), EvictionKind.Lru, seed: 1).Requests;
        Console.WriteLine($"// reference workload, {DurationSeconds} s: {requests} requests per run");
    }

    [Benchmark]
    public long ReferenceWorkload() => simulator.Run(new JointPolicy(), EvictionKind.Lru, seed: 1).Requests;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EdgeInfer.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EdgeInfer.slnx not found above " + AppContext.BaseDirectory);
    }
}
