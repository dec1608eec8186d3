using BenchmarkDotNet.Attributes;
using EdgeInfer.Runtime.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// Issue 3 §2 overhead target: the wrapper's <see cref="RuntimeSession.Run"/> on MobileNet v1 costs ≤ 2 % more than a
/// bare ORT <c>Run</c> with the same session options (device role: 1 intra-op thread, sequential, all optimisations).
/// Three rows side by side: bare ORT with name/value arrays reused (the baseline), bare ORT with an IoBinding, and the wrapper.
/// The memory diagnoser shows the wrapper allocates nothing per inference.
/// <see cref="Model"/> <c>mobilenet</c>: <c>EDGEINFER_BENCH_MODEL</c> if set, else MobileNet v1 built into the benchmark
/// cache (see <see cref="RuntimeBenchmarkModel"/>). <c>trivial</c>: a Relu over 1000 floats, whose run is almost all
/// per-call cost: the wrapper's absolute overhead measured there, divided by MobileNet's run time, bounds the relative
/// overhead far more tightly than the noise of two 10 ms measurements on a shared machine can.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*RuntimeBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 30)]
public class RuntimeBenchmarks
{
    private RuntimeSession wrapper = null!;
    private InferenceSession bare = null!;
    private RunOptions runOptions = null!;
    private OrtIoBinding bareBinding = null!;
    private string[] inputNames = null!;
    private string[] outputNames = null!;
    private OrtValue[] inputValues = null!;
    private OrtValue[] outputValues = null!;

    /// <summary>Which model: <c>mobilenet</c> (the target) or <c>trivial</c> (per-call cost only).</summary>
    [Params("mobilenet", "trivial")]
    public string Model { get; set; } = "mobilenet";

    [GlobalSetup]
    public void Setup()
    {
        var path = Model == "trivial" ? RuntimeBenchmarkModel.TrivialPath() : RuntimeBenchmarkModel.MobileNetPath();
        var options = RuntimeOptions.Device;
        wrapper = RuntimeSession.Open(path, options);

        using var sessionOptions = OrtSessionOptions.Create(options);
        bare = new InferenceSession(path, sessionOptions);
        runOptions = new RunOptions();
        inputNames = [wrapper.Inputs[0].Name];
        outputNames = [wrapper.Outputs[0].Name];
        inputValues = [OrtValue.CreateTensorValueFromMemory(wrapper.Input().ToArray(), wrapper.Inputs[0].Shape.ToArray())];
        outputValues = [OrtValue.CreateTensorValueFromMemory(new float[wrapper.Output().Length], wrapper.Outputs[0].Shape.ToArray())];
        bareBinding = bare.CreateIoBinding();
        bareBinding.BindInput(inputNames[0], inputValues[0]);
        bareBinding.BindOutput(outputNames[0], outputValues[0]);
        for (var i = 0; i < 3; i++)
        {
            BareOrtRun();
        }
    }

    [Benchmark(Baseline = true)]
    public void BareOrtRun() => bare.Run(runOptions, inputNames, inputValues, outputNames, outputValues);

    [Benchmark]
    public void BareOrtRunWithBinding() => bare.RunWithBinding(runOptions, bareBinding);

    [Benchmark]
    public void WrapperRun() => wrapper.Run();

    [GlobalCleanup]
    public void Cleanup()
    {
        wrapper.Dispose();
        bareBinding.Dispose();
        foreach (var value in inputValues.Concat(outputValues))
        {
            value.Dispose();
        }

        runOptions.Dispose();
        bare.Dispose();
    }
}
