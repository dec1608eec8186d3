using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// File → file magnitude pruning of ResNet-152 (60.2 M parameters): parse, select, mask, serialize.
/// Target (issue 4): global scope at pf 0.7 in at most 1.0 s median on the 2-core build machine.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*PruningBenchmarks*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 9)]
[MemoryDiagnoser]
public class PruningBenchmarks
{
    private string input = string.Empty;
    private string output = string.Empty;

    [Params("resnet152")]
    public string Model { get; set; } = "resnet152";

    [Params(PruningMethod.Global, PruningMethod.Layer)]
    public PruningMethod Method { get; set; }

    [Params(0.7)]
    public double PruningFactor { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        input = PruningModelCache.Full(Model);
        output = PruningModelCache.Output($"{Model}-{Method}");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(output);

    [Benchmark]
    public PruneFileReport PruneFileToFile() => ModelPruning.PruneFile(input, output, new PruneFileOptions(PruningFactor, Method));
}
