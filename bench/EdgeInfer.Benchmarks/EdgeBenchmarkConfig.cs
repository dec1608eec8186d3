using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace EdgeInfer.Benchmarks;

/// <summary>A CI-sized job for the edge benchmarks: one launch, 3 warm-ups, 15 measured iterations.</summary>
internal sealed class EdgeBenchmarkConfig : ManualConfig
{
    public EdgeBenchmarkConfig() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15));
}
