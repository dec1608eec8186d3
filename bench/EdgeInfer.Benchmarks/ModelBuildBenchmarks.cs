using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Building the catalog networks: graph + seeded weights in memory (<see cref="Build"/>), and the whole
/// <c>models build</c> path without the repository bookkeeping: build, serialize and write the file (<see cref="BuildAndWrite"/>).
/// Target (issue 3): ResNet-152, graph + 241 MB file, in ≤ 3 s. Short monitoring job: each op is a cold, heavy run.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*ModelBuild*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ModelBuildBenchmarks
{
    private string path = string.Empty;

    [Params("mobilenet", "densenet201", "resnet152")]
    public string Model { get; set; } = "resnet152";

    [GlobalSetup]
    public void Setup() => path = Path.Combine(Path.GetTempPath(), $"edgeinfer-bench-{Guid.NewGuid():N}.onnx");

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    /// <summary>Graph and weights in memory (the weights dominate: 60.2 M He-normal floats for ResNet-152).</summary>
    [Benchmark]
    public long Build() => ModelCatalog.Find(Model).Build(ModelCatalog.DefaultSeed).Graph.Initializer.Count;

    /// <summary>Build, then serialize straight to a file (weights are wrapped, not copied, and streamed).</summary>
    [Benchmark]
    public long BuildAndWrite() => AtomicFile.Write(path, s => OnnxModelFile.Write(ModelCatalog.Find(Model).Build(ModelCatalog.DefaultSeed), s));
}
