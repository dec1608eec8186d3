using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Load;
using EdgeInfer.Runtime.Tests.TestModels;

namespace EdgeInfer.Runtime.Tests.Load;

public sealed class EdgeLoadTests(TinyModelFixture model, CatalogModelsFixture catalog) : IClassFixture<TinyModelFixture>, IClassFixture<CatalogModelsFixture>
{
    [Fact]
    public void Start_TwoTasks_RunInferencesUntilDisposed()
    {
        var load = EdgeLoad.Start(model.ModelPath, 2);
        var first = load.CompletedInferences;
        SpinWait.SpinUntil(() => load.CompletedInferences > first + 4, TimeSpan.FromSeconds(30));
        var running = load.CompletedInferences;
        load.Dispose();
        var stopped = load.CompletedInferences;
        Thread.Sleep(50);

        Assert.True(first >= 2, $"each task finishes one inference before Start returns, got {first}");
        Assert.True(running > first);
        Assert.Equal(stopped, load.CompletedInferences);
        Assert.Null(load.Fault);
    }

    [Fact]
    public void Start_ZeroTasks_IsIdle()
    {
        using var load = EdgeLoad.Start(model.ModelPath, 0);

        Assert.Equal(0, load.Tasks);
        Assert.Equal(0, load.CompletedInferences);
    }

    /// <summary>Waits 200 ms for the tasks to see the cancellation: a timing test (README, "Tests").</summary>
    [Fact(Explicit = true)]
    [Trait("Category", "Timing")]
    public void Cancel_RunningLoad_StopsEveryTask()
    {
        using var cts = new CancellationTokenSource();
        using var load = EdgeLoad.Start(model.ModelPath, 2, cancellationToken: cts.Token);

        cts.Cancel();
        Thread.Sleep(200);
        var afterCancel = load.CompletedInferences;
        Thread.Sleep(200);

        Assert.Equal(afterCancel, load.CompletedInferences);
        Assert.Null(load.Fault);
    }

    [Fact]
    public void Start_CancelledToken_ThrowsAndLeavesNothingRunning()
    {
        Assert.Throws<OperationCanceledException>(() => EdgeLoad.Start(model.ModelPath, 2, cancellationToken: new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Start_MissingModel_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => EdgeLoad.Start(Path.Combine(model.Directory, "none.onnx"), 1));
    }

    /// <summary>A ratio of two measured medians on a shared CPU: a timing test (README, "Tests").</summary>
    [Fact(Explicit = true)]
    [Trait("Category", "Timing")]
    public void Measure_MobileNetUnderLoadFour_EdgeIsSlowerThanUnloaded()
    {
        // Side by side in one run: the same edge-role MobileNet session measured idle, under load, and idle again.
        // Load 4 on this 2-core machine; on machines with more cores the load grows to 2 tasks per core, since
        // 4 single-thread tasks cannot contend for 16 cores.
        var load = Math.Max(4, 2 * Environment.ProcessorCount);
        var mobilenet = catalog.PathOf("mobilenet");
        using var session = RuntimeSession.Open(mobilenet, RuntimeOptions.Edge with { WarmupRuns = 5 });
        var idle = session.Measure(30).MedianSeconds;
        double loaded;
        using (EdgeLoad.Start(mobilenet, load))
        {
            session.WarmUp(2);
            loaded = session.Measure(30).MedianSeconds;
        }

        var idleAgain = session.Measure(30).MedianSeconds;
        var ratio = loaded / Math.Max(idle, idleAgain);

        Assert.True(
            ratio > 1.2,
            $"load {load} / load 0 median ratio {ratio:F2} (idle {idle * 1e3:F2} ms, loaded {loaded * 1e3:F2} ms, idle again {idleAgain * 1e3:F2} ms)");
    }
}
