using EdgeInfer.Core;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Tests.TestModels;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Runtime.Tests.Execution;

public sealed class RuntimeSessionTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    [Fact]
    public void Open_TinyModel_BindsBatchOneShapes()
    {
        using var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);

        Assert.Equal("input", session.Inputs[0].Name);
        Assert.Equal([1L, 3, 224, 224], session.Inputs[0].Shape);
        Assert.Equal("logits", session.Outputs[0].Name);
        Assert.Equal([1L, 1000], session.Outputs[0].Shape);
        Assert.Equal(3 * 224 * 224, session.Input().Length);
        Assert.Equal(1000, session.Output().Length);
    }

    [Fact]
    public void Run_TinyModel_MatchesPlainOrtRunOnSameInput()
    {
        using var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);
        session.Run();
        var wrapped = session.Output().ToArray();

        using var plain = new InferenceSession(model.ModelPath);
        using var input = OrtValue.CreateTensorValueFromMemory(session.Input().ToArray(), [1L, 3, 224, 224]);
        using var results = plain.Run(new RunOptions(), ["input"], [input], ["logits"]);
        var expected = results[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.All(wrapped, v => Assert.True(float.IsFinite(v)));
        Assert.Contains(wrapped, v => v != 0f);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], wrapped[i], 1e-4f);
        }
    }

    [Fact]
    public void Run_InputBufferChanged_OutputFollows()
    {
        using var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);
        session.Run();
        var before = session.Output().ToArray();

        session.Input().Fill(0.5f);
        session.Run();

        Assert.NotEqual(before, session.Output().ToArray());
    }

    [Fact]
    public void Run_AfterWarmup_AllocatesNothingOnTheManagedHeap()
    {
        using var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device with { WarmupRuns = 5 });
        session.Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            session.Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Measure_FiveSamples_ReportsFiveOrderedStatistics()
    {
        using var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);

        var stats = session.Measure(5);

        Assert.Equal(5, stats.Count);
        Assert.True(stats.MinSeconds > 0);
        Assert.True(stats.MinSeconds <= stats.MedianSeconds && stats.MedianSeconds <= stats.P90Seconds);
        Assert.True(stats.P90Seconds <= stats.P99Seconds && stats.P99Seconds <= stats.MaxSeconds);
    }

    [Fact]
    public void Measure_CancelledToken_Throws()
    {
        using var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);

        Assert.Throws<OperationCanceledException>(() => session.Measure(5, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(model.Directory, "missing.onnx");

        var ex = Assert.Throws<FileNotFoundException>(() => RuntimeSession.Open(path, RuntimeOptions.Device));

        Assert.Contains("missing.onnx", ex.Message);
    }

    [Fact]
    public void Open_NotOnnx_ThrowsInputExceptionNamingTheFile()
    {
        var path = Path.Combine(model.Directory, "garbage.onnx");
        File.WriteAllText(path, "this is not a protobuf model");

        var ex = Assert.Throws<EdgeInferInputException>(() => RuntimeSession.Open(path, RuntimeOptions.Device));

        Assert.Contains("garbage.onnx", ex.Message);
    }

    [Fact]
    public void Run_AfterDispose_ThrowsObjectDisposed()
    {
        var session = RuntimeSession.Open(model.ModelPath, RuntimeOptions.Device);
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(session.Run);
    }
}
