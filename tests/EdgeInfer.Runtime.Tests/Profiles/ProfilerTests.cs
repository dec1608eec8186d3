using EdgeInfer.Core;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Runtime.Tests.TestModels;

namespace EdgeInfer.Runtime.Tests.Profiles;

public sealed class ProfilerTests(TinyModelFixture model) : IClassFixture<TinyModelFixture>
{
    private static readonly ProfilerOptions Quick = new() { Loads = [0, 2], Samples = 3, WarmupRuns = 1, PruneSamples = 2 };

    [Fact]
    public void Run_BothRoles_MeasuresDeviceOnceAndEdgeAtEveryLoad()
    {
        var progress = new List<ProfileProgress>();
        // 10 samples: a window long enough that the background tasks complete inferences in it even while the other
        // test assemblies load the machine (with 3 the assertion below failed about once in ten full-suite runs).
        var profile = new Profiler(Quick with { Samples = 10 }).Run(
            [new ProfileTarget("tiny", "full", model.ModelPath)], progress.Add, TestContext.Current.CancellationToken);

        Assert.True(profile.Complete);
        var device = profile.Device!.Find("tiny", "full")!;
        Assert.Equal([0], device.Measurements.Select(m => m.Load));
        Assert.Equal(10, device.Measurements[0].Inference.Count);
        Assert.Equal(new FileInfo(model.ModelPath).Length, device.SizeBytes);
        var edge = profile.Edge!.Find("tiny", "full")!;
        Assert.Equal([0, 2], edge.Measurements.Select(m => m.Load));
        Assert.Equal(0, edge.Measurements[0].BackgroundInferences);
        Assert.True(edge.Measurements[1].BackgroundInferences >= 1, "the load ran while load level 2 was measured");
        Assert.Equal(1, profile.Device.Settings.IntraOpThreads);
        Assert.Equal(Environment.ProcessorCount, profile.Edge.Settings.IntraOpThreads);
        Assert.Equal([1, 2, 3], progress.Select(p => p.Step));
        Assert.All(progress, p => Assert.Equal(3, p.TotalSteps));
        Assert.NotEqual("", profile.Edge.Machine.CpuModel);
    }

    [Fact]
    public void Run_PrunedVariantWithPruner_TimesPruningAtEveryLoad()
    {
        var calls = 0;
        void Prune(string input, string output, CancellationToken ct)
        {
            calls++;
            File.Copy(input, output);
        }

        var target = new ProfileTarget("tiny", "global-0.70", model.ModelPath)
        {
            PruningFactor = 0.7,
            PruningMethod = "global",
            PrunedFromPath = model.ModelPath,
        };
        var profile = new Profiler(Quick with { MeasureDevice = false }, Prune).Run([target], cancellationToken: TestContext.Current.CancellationToken);

        var edge = profile.Edge!.Find("tiny", "global-0.70")!;
        Assert.All(edge.Measurements, m => Assert.Equal(2, m.PruneSeconds!.Count));
        Assert.Equal(4, calls);
        Assert.Equal(2, profile.Edge.Settings.PruneSamples);
        Assert.Null(profile.Device);
    }

    [Fact]
    public void Run_SetupSamples_TimesFirstAndRepeatedOpensAndThePrunedVariantsWireDecode()
    {
        var full = new ProfileTarget("tiny", "full", model.ModelPath);
        var pruned = new ProfileTarget("tiny", "global-0.70", model.ModelPath)
        {
            PruningFactor = 0.7,
            PruningMethod = "global",
            PrunedFromPath = model.ModelPath,
        };
        var profile = new Profiler(Quick with { MeasureEdge = false, SetupSamples = 2 }).Run(
            [full, pruned], cancellationToken: TestContext.Current.CancellationToken);

        var f = profile.Device!.Find("tiny", "full")!.Measurements[0];
        Assert.Equal(3, f.SessionOpenSeconds!.Count); // the first open and 2 more
        Assert.True(f.FirstSessionOpenSeconds > 0);
        Assert.True(f.SessionOpenSeconds.MaxSeconds >= f.FirstSessionOpenSeconds);
        Assert.Null(f.WireDecodeSeconds); // the full model is not sent as wire
        var p = profile.Device.Find("tiny", "global-0.70")!.Measurements[0];
        Assert.Equal(2, p.WireDecodeSeconds!.Count);
        Assert.True(p.WireDecodeSeconds.MedianSeconds > 0);
    }

    [Fact]
    public void Run_NoSetupSamples_LeavesSetupUnmeasured()
    {
        var profile = new Profiler(Quick with { MeasureEdge = false }).Run(
            [new ProfileTarget("tiny", "full", model.ModelPath)], cancellationToken: TestContext.Current.CancellationToken);
        var m = profile.Device!.Find("tiny", "full")!.Measurements[0];
        Assert.Null(m.SessionOpenSeconds);
        Assert.Null(m.FirstSessionOpenSeconds);
    }

    [Fact]
    public void RunToFile_Cancelled_WritesNothingAndKeepsExistingFile()
    {
        var output = Path.Combine(model.Directory, "cancelled.json");
        File.WriteAllText(output, "previous");
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => ProfileRunner.RunToFile(
            new Profiler(Quick), [new ProfileTarget("tiny", "full", model.ModelPath)], output, _ => cts.Cancel(), cts.Token));

        Assert.Equal("previous", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(model.Directory, "*cancelled*"));
    }

    [Fact]
    public void RunToFile_Complete_WritesProfileThatReadsBack()
    {
        var output = Path.Combine(model.Directory, "sub", "profile.json");

        var written = ProfileRunner.RunToFile(
            new Profiler(Quick with { MeasureEdge = false }),
            [new ProfileTarget("tiny", "full", model.ModelPath)],
            output,
            cancellationToken: TestContext.Current.CancellationToken);
        var read = ProfileFile.ReadComplete(output);

        Assert.Equal(written.Device!.Models[0].Measurements[0].Inference, read.Device!.Models[0].Measurements[0].Inference);
        Assert.Equal(written.Device.Machine, read.Device.Machine);
        Assert.Contains("\"complete\": true", File.ReadAllText(output));
    }

    [Fact]
    public void Run_MissingModelFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<EdgeInferInputException>(
            () => new Profiler(Quick).Run(
                [new ProfileTarget("ghost", "full", Path.Combine(model.Directory, "ghost.onnx"))],
                cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("ghost.onnx", ex.Message);
    }

    [Fact]
    public void Constructor_BadOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => new Profiler(new ProfilerOptions { Loads = [0, 0, -1], Samples = 0, MeasureDevice = false }));

        Assert.Contains("repeat", ex.Message);
        Assert.Contains("[0, 1024]", ex.Message);
        Assert.Contains("samples 0", ex.Message);
    }
}
