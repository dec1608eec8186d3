using EdgeInfer.Core.Planning;
using EdgeInfer.Device.Execution;
using EdgeInfer.Edge.Tests;

namespace EdgeInfer.Device.Tests;

public sealed class DeviceClientTests : IAsyncLifetime
{
    private readonly string cacheRoot = Path.Combine(Path.GetTempPath(), "edgeinfer-device-tests", Guid.NewGuid().ToString("N"));
    private TestServer server = null!;

    public async ValueTask InitializeAsync() => server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        if (Directory.Exists(cacheRoot))
        {
            Directory.Delete(cacheRoot, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_AllStrategies_EachCompletesWithTop5AndCountedBytes()
    {
        var report = await DeviceClient.RunAsync(Request("all", requests: 3), null, TestContext.Current.CancellationToken);

        Assert.Equal(Strategies.All.Select(s => s.Name()).Order(), report.Runs.Select(r => r.Strategy).Order());
        Assert.All(report.Runs, run =>
        {
            Assert.Equal(3, run.Completed);
            Assert.Empty(run.Errors);
            Assert.Equal(5, run.FirstTop5.Count);
            Assert.All(run.FirstTop5, i => Assert.InRange(i, 0, 999));
            Assert.True(run.Measured.CycleDelaySeconds > 0);
            Assert.True(run.Measured.LifetimeDelaySeconds >= run.Measured.CycleDelaySeconds);
            Assert.True(run.Measured.DeviceEnergyJoules > 0);
            Assert.True(double.IsFinite(run.RelativeError.CycleDelay));
        });

        var edgeFull = report.Runs.Single(r => r.Strategy == "edge-full");
        Assert.Equal(3 * 3 * 224 * 224 * 4, edgeFull.Measured.BytesUp);
        var deviceFull = report.Runs.Single(r => r.Strategy == "device-full");
        var catalogFull = new FileInfo(Path.Combine(server.RepositoryRoot, "mobilenet", "full", "model.onnx")).Length;
        Assert.Equal(catalogFull, deviceFull.Measured.BytesDown);
        var deviceOndemand = report.Runs.Single(r => r.Strategy == "device-ondemand");
        Assert.True(deviceOndemand.Measured.BytesDown < catalogFull / 2, "the pruned model travels in the wire format");

        // Same input, same model: the edge and the device agree on the classes.
        Assert.Equal(edgeFull.FirstTop5, deviceFull.FirstTop5);
        // Each on-demand strategy made the edge prune (the client dropped the edge's copy first); the pre-pruned ones did not.
        Assert.Equal(2, (await server.StatusAsync()).GetProperty("prunes").GetInt64());
        Assert.True(report.Runs.Single(r => r.Strategy == "edge-ondemand").Measured.PruneSeconds > 0);
        Assert.Equal(0, report.Runs.Single(r => r.Strategy == "edge-prepruned").Measured.PruneSeconds);
    }

    [Fact]
    public async Task RunAsync_Auto_PrintsDecisionWithReasonsAndRunsTheChoice()
    {
        var report = await DeviceClient.RunAsync(Request("auto", requests: 2), null, TestContext.Current.CancellationToken);
        Assert.NotNull(report.Decision.Chosen);
        Assert.Equal(6, report.Decision.Options.Count);
        Assert.Contains("lowest lifetime delay", report.Decision.Explanation, StringComparison.Ordinal);
        Assert.Contains(report.Sources, s => s.StartsWith("edge inference (full): edge status median service time", StringComparison.Ordinal));
        Assert.Equal(report.Decision.Chosen, Assert.Single(report.Runs).Strategy);
    }

    [Fact]
    public async Task RunAsync_AutoWithMinTop1_RulesOutThePrunedVariantByItsRecordedAccuracy_AndRunsAFullStrategy()
    {
        var ct = TestContext.Current.CancellationToken;
        var pruned = Pruning.Variants.ModelVariant.Pruned("mobilenet", Pruning.Variants.PruningMethod.Global, Pruning.Variants.PruningFactor.Of(0.7));
        Pruning.Pipeline.RecordedAccuracy.Record(
            Path.Combine(server.RepositoryRoot, "mobilenet"),
            [
                Pruning.Pipeline.RecordedAccuracy.Of(Pruning.Variants.ModelVariant.Full("mobilenet"), 0.70, 0.90, "set", 100),
                Pruning.Pipeline.RecordedAccuracy.Of(pruned, 0.30, 0.60, "set", 100),
            ]);

        var report = await DeviceClient.RunAsync(Request("auto", requests: 2) with { MinTop1 = 0.6 }, null, ct);

        Assert.False(Strategies.Parse(report.Decision.Chosen!).UsesPrunedModel(), report.Decision.Explanation);
        Assert.EndsWith("Ruled out by accuracy: the pruned model global-0.70 (top1 0.3 < minTop1 0.6).", report.Decision.Explanation, StringComparison.Ordinal);
        Assert.All(
            report.Decision.Options.Where(o => Strategies.Parse(o.Strategy).UsesPrunedModel()),
            o => Assert.Contains("top1 0.3 of the pruned model global-0.70 < minTop1 0.6", o.Reasons));
        Assert.Equal(report.Decision.Chosen, Assert.Single(report.Runs).Strategy);

        var none = await Assert.ThrowsAsync<Core.EdgeInferInputException>(
            () => DeviceClient.RunAsync(Request("auto", requests: 2) with { MinTop1 = 0.9 }, null, ct));
        Assert.StartsWith("auto: No strategy meets every constraint.", none.Message, StringComparison.Ordinal);
        Assert.Contains("top1 0.7 of the full model < minTop1 0.9", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("onnx")]
    [InlineData("sparse-onnx")]
    public async Task RunAsync_DevicePrunedInOtherFormats_RunsWithoutDecoding(string format)
    {
        var request = Request("device-ondemand", requests: 2) with { PrunedFormat = format };
        var report = await DeviceClient.RunAsync(request, null, TestContext.Current.CancellationToken);
        var run = Assert.Single(report.Runs);
        Assert.Equal(2, run.Completed);
        Assert.Equal(0, run.Measured.DecodeSeconds);
        Assert.Equal(5, run.FirstTop5.Count);
        Assert.Contains(report.Sources, s => s.Contains(format + " format", StringComparison.Ordinal) || s.Contains("as " + format, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_MeasuresOverheads_AndPredictsWithThemBesideThePaperTerms()
    {
        var ct = TestContext.Current.CancellationToken;
        var measured = await DeviceClient.RunAsync(Request("edge-full", requests: 2), null, ct);
        Assert.Contains(measured.Sources, s => s.StartsWith("request overhead (beyond the paper):", StringComparison.Ordinal));
        Assert.Contains(measured.Sources, s => s.StartsWith("download overhead (beyond the paper):", StringComparison.Ordinal));
        var run = Assert.Single(measured.Runs);
        Assert.True(run.Predicted.CycleDelaySeconds >= run.Predicted.PaperCycleDelaySeconds);
        Assert.True(run.Predicted.LifetimeDelaySeconds >= run.Predicted.PaperLifetimeDelaySeconds);

        var paper = await DeviceClient.RunAsync(Request("edge-full", requests: 2) with { MeasureOverheads = false }, null, ct);
        Assert.Contains(paper.Sources, s => s.StartsWith("protocol overheads: not measured", StringComparison.Ordinal));
        Assert.Equal(paper.Runs[0].Predicted.PaperCycleDelaySeconds, paper.Runs[0].Predicted.CycleDelaySeconds);
    }

    [Fact]
    public async Task DownloadAsync_PartialFileNamedWithItsETag_ResumesWithRangeIntoTheSameBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new Http.EdgeClient(new Http.EdgeClientOptions { Edge = server.BaseAddress });
        var whole = Path.Combine(cacheRoot, "whole.onnx");
        var (first, etag, problem) = await client.DownloadAsync("mobilenet", null, "onnx", whole, null, ct);
        Assert.Null(problem);
        var bytes = await File.ReadAllBytesAsync(whole, ct);

        // An interrupted download: the first 1 MB under the partial name that carries the ETag.
        var destination = Path.Combine(cacheRoot, "resumed.onnx");
        await File.WriteAllBytesAsync(Http.EdgeClient.PartialPath(destination, etag), bytes.AsSpan(0, 1_000_000).ToArray(), ct);
        var (resumed, resumedTag, resumedProblem) = await client.DownloadAsync("mobilenet", null, "onnx", destination, null, ct);
        Assert.Null(resumedProblem);
        Assert.Equal(System.Net.HttpStatusCode.PartialContent, resumed.Status);
        Assert.Equal(bytes.Length - 1_000_000, resumed.Transfer.BytesDown);
        Assert.Equal(etag, resumedTag);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(destination, ct));
        Assert.Equal(2, Directory.EnumerateFiles(cacheRoot).Count()); // no partial file left
        Assert.Equal(System.Net.HttpStatusCode.OK, first.Status);
    }

    [Fact]
    public async Task RunAsync_DeviceFullTwice_SecondRunGets304FromTheETag()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await DeviceClient.RunAsync(Request("device-full", requests: 1), null, ct);
        var second = await DeviceClient.RunAsync(Request("device-full", requests: 1), null, ct);
        Assert.True(first.Runs[0].Measured.BytesDown > 1_000_000);
        Assert.Equal(0, second.Runs[0].Measured.BytesDown);
        Assert.Contains(second.Runs[0].Notes, n => n.Contains("304", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_EdgeGoneWithModelCached_FallsBackToLocalInference()
    {
        var ct = TestContext.Current.CancellationToken;
        await DeviceClient.RunAsync(Request("device-full", requests: 1), null, ct); // model now on the device

        // Planning needs the edge; execution then meets a stopped edge.
        var request = Request("edge-full", requests: 3) with { MaxRetries = 1 };
        var client = new Http.EdgeClient(new Http.EdgeClientOptions { Edge = request.Edge, MaxRetries = 1, RetryDelay = new Core.Quantities.Seconds(0.01) });
        var model = await client.ModelAsync("mobilenet", ct);
        var input = DeviceInput.Synthetic(DeviceClient.InputShape(model));
        await client.InferAsync("mobilenet", null, input.Body, input.ContentType, input.Shape, ct);
        var status = await client.StatusAsync(ct);
        var pruned = Pruning.Variants.ModelVariant.Pruned("mobilenet", Pruning.Variants.PruningMethod.Global, Pruning.Variants.PruningFactor.Of(0.7));
        var plan = Planning.DevicePlanning.Plan(
            new Planning.DevicePlanInputs { Model = model, Status = status, Pruned = pruned, Requests = 3, InputBytes = input.Body.Length });
        await server.App.StopAsync(ct);

        var runner = new StrategyRunner(client, new DeviceModelCache(cacheRoot), input, Runtime.Execution.RuntimeOptions.Device);
        var run = await runner.RunAsync(Strategy.EdgeFull, "mobilenet", pruned, 3, plan, ct);
        Assert.Equal(3, run.Fallbacks);
        Assert.Equal(3, run.Completed);
        Assert.Empty(run.Errors);
        Assert.True(run.Retries >= 3, $"each failed request is retried once first (retries {run.Retries})");
        client.Dispose();
    }

    [Fact]
    public async Task RunAsync_EdgeOverloaded_RetriesAfter429AndSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var busy = await TestServer.StartAsync(o => o with { MaxConcurrency = 1, QueueLimit = 0 }, pruner);
        using var warm = await busy.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct); // the edge knows its time
        var holder = busy.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.3", TestServer.Tensor(), ct);
        await pruner.WaitEnteredAsync();
        _ = Task.Run(async () =>
        {
            await Task.Delay(300, ct);
            pruner.Release();
        }, ct);

        var report = await DeviceClient.RunAsync(Request("edge-full", requests: 1) with { Edge = busy.BaseAddress }, null, ct);
        Assert.True(report.Retries >= 1);
        Assert.Equal(1, report.Runs[0].Completed);
        (await holder).Dispose();
    }

    private DeviceRunRequest Request(string strategy, int requests) => new()
    {
        Edge = server.BaseAddress,
        Model = "mobilenet",
        Requests = requests,
        Strategy = strategy,
        CacheRoot = cacheRoot,
        Shaping = false,
    };
}
