using BenchmarkDotNet.Attributes;
using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Issue 5 §3 throughput target: evaluation (<see cref="Evaluator.Run"/>: batched ORT runs, output copy, Top-1/Top-5
/// counting) reaches images/s within 10 % of a bare ORT loop over the same prepared batches, with the same session options
/// (all cores). Model: the stitched ResNet-18 classifier at 112×112 with a random (untrained) head: the cost of a head is
/// the same trained or not, and no training is needed here. Data: the first 128 images of the embedded Fashion-MNIST test
/// subset, 4 batches of 32. One operation = one image, so 1 / Mean is images per second.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*EvaluationBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class EvaluationBenchmarks
{
    private const int Images = 128;

    private PreparedDataset data = null!;
    private BatchRunner runner = null!;
    private InferenceSession bare = null!;
    private RunOptions runOptions = null!;
    private string[] inputNames = null!;
    private string[] outputNames = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        float[] Values(int n, double scale) => Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * scale)).ToArray();
        var head = new LinearHead(Values(512, 1), Enumerable.Repeat(1f, 512).ToArray(), Values(10 * 512, 0.1), Values(10, 0.1));
        var model = BackboneGraph.Classifier(112, head).ToByteArray();
        data = PreparedDataset.Prepare(EmbeddedSubset.Test, BackboneGraph.Preprocessing(112), batchSize: 32, limit: Images);
        runner = new BatchRunner(model);
        using var options = BatchRunner.CreateOptions(null);
        bare = new InferenceSession(model, options);
        runOptions = new RunOptions();
        inputNames = [bare.InputNames[0]];
        outputNames = [bare.OutputNames[0]];
        BareOrtLoop();
        Evaluation();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Images)]
    public float BareOrtLoop()
    {
        float sink = 0;
        foreach (var batch in data.Batches)
        {
            using var input = OrtValue.CreateTensorValueFromMemory(batch.Data, batch.Shape);
            using var outputs = bare.Run(runOptions, inputNames, [input], outputNames);
            sink += outputs[0].GetTensorDataAsSpan<float>()[0];
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Images)]
    public int Evaluation() => Evaluator.Run(runner, data).Top1;

    [GlobalCleanup]
    public void Cleanup()
    {
        runner.Dispose();
        bare.Dispose();
        runOptions.Dispose();
    }
}
