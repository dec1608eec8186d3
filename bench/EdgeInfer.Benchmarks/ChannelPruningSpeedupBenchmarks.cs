using BenchmarkDotNet.Attributes;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Inference time of the full model against its channel-pruned variant, side by side in one run, ONNX Runtime with the
/// same thread settings (intra-op = <see cref="Threads"/>, inter-op 1). Target (issue 4): at pf 0.7 the pruned model is
/// at least 1.6× faster for MobileNet v1 and ResNet-152. The MACs ratio of each variant is shown next to the time ratio.
/// <c>ChannelPrunedAligned8</c> keeps a multiple of 8 channels per layer (slightly more MACs, much better kernels).
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*ChannelPruningSpeedup*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[Config(typeof(PruningMacsRatioColumn.Config))]
public class ChannelPruningSpeedupBenchmarks
{
    private InferenceSession? fullSession;
    private InferenceSession? prunedSession;
    private InferenceSession? alignedSession;
    private NamedOnnxValue[] input = [];

    [Params("mobilenet", "densenet201", "resnet152")]
    public string Model { get; set; } = "mobilenet";

    [Params(0.5, 0.7, 0.9)]
    public double PruningFactor { get; set; }

    [Params(2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var full = PruningModelCache.Full(Model);
        var pruned = PruningModelCache.Output($"{Model}-channel-{PruningFactor:0.00}");
        var aligned = PruningModelCache.Output($"{Model}-channel8-{PruningFactor:0.00}");
        ModelPruning.PruneFile(full, pruned, new PruneFileOptions(PruningFactor, PruningMethod.Channel));
        ModelPruning.PruneFile(full, aligned, new PruneFileOptions(PruningFactor, PruningMethod.Channel, ChannelMultiple: 8));
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        fullSession = new InferenceSession(full, options);
        prunedSession = new InferenceSession(pruned, options);
        alignedSession = new InferenceSession(aligned, options);
        File.Delete(pruned);
        File.Delete(aligned);
        var meta = fullSession.InputMetadata.First();
        var shape = meta.Value.Dimensions.Select(d => d < 0 ? 1 : d).ToArray();
        var random = new Random(1);
        var data = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)random.NextDouble();
        }

        input = [NamedOnnxValue.CreateFromTensor(meta.Key, new DenseTensor<float>(data, shape))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        fullSession?.Dispose();
        prunedSession?.Dispose();
        alignedSession?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public float Full() => Run(fullSession!);

    /// <summary>Exactly pf of the channels removed per layer.</summary>
    [Benchmark]
    public float ChannelPruned() => Run(prunedSession!);

    /// <summary>Kept channels rounded up to a multiple of 8 (ORT's blocked NCHWc kernels need whole blocks).</summary>
    [Benchmark]
    public float ChannelPrunedAligned8() => Run(alignedSession!);

    private float Run(InferenceSession session)
    {
        using var results = session.Run(input);
        return results.First().AsEnumerable<float>().First();
    }
}
