using BenchmarkDotNet.Attributes;
using EdgeInfer.Models.Building;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// He-normal weight generation, side by side: the scalar Box–Muller reference against the 8-lane vector form that
/// the builders use, on one million floats (single thread; the builders also spread chunks over cores).
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*ModelWeightFill*'</c>.
/// </summary>
[ShortRunJob]
public class ModelWeightFillBenchmarks
{
    private readonly float[] values = new float[1 << 20];

    [Benchmark(Baseline = true)]
    public float Scalar()
    {
        var rng = new Xoshiro256StarStar(42);
        WeightGenerator.FillNormalScalar(values, 0.05f, ref rng);
        return values[^1];
    }

    [Benchmark]
    public float Vector()
    {
        var rng = new Xoshiro256StarStar(42);
        WeightGenerator.FillNormal(values, 0.05f, ref rng);
        return values[^1];
    }
}
