using EdgeInfer.Contracts;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Planning;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Tests;

public sealed class DevicePlanningTests
{
    private static readonly ModelView Model = new("mobilenet", null, false, ["input float[N,3,224,224]"], [],
    [
        new VariantView(
            "full", "repository", 17_000_000, new FormatSizes(17_000_000, null, null), 4_231_976, null, false, null, null, "", null, null, null, null),
        new VariantView(
            "global-0.70",
            "cached",
            17_000_000,
            new FormatSizes(17_000_000, 4_400_000, null),
            4_231_976,
            null,
            false,
            0.7,
            "global",
            "",
            null,
            null,
            null,
            null),
    ], null);

    private static readonly ModelVariant Global70 = ModelVariant.Pruned("mobilenet", PruningMethod.Global, PruningFactor.Of(0.7));

    /// <summary>An edge that has not warmed up (no calibration) and opened no session yet.</summary>
    private static StatusView Status(double service, double? prune = null) => new(
        0, 0, 2, 64, 1, 2, false, new LoadView(4, "mobilenet", 100), prune is null ? 0 : 1,
        new CacheView(0, 1 << 30, 0),
        [new RecentTimes("mobilenet", "full", 10, service / 2, service, service)],
        [new RecentTimes("mobilenet", "full", 10, service, service, service)],
        prune is { } p ? [new RecentTimes("mobilenet", null, 1, p, p, p)] : [],
        [],
        new WarmupView(true, null, null, null, null, null, null));

    private static DevicePlanInputs Inputs(StatusView status, ModelVariant? pruned = null, long requests = 5, long inputBytes = 602_112) =>
        new() { Model = Model, Status = status, Pruned = pruned ?? Global70, Requests = requests, InputBytes = inputBytes };

    [Fact]
    public void Plan_MinTop1AboveThePrunedVariantsRecordedTop1_RulesItOutByName_AndChoosesTheFullModel()
    {
        // The edge has not built channel-0.30 (no catalog row) but its accuracy is recorded under that name; it serves in
        // 20 ms against the full model's 100 ms, so without a minimum a pruned strategy wins.
        var channel = ModelVariant.Pruned("resnet18-fmnist", PruningMethod.Channel, PruningFactor.Of(0.3));
        var model = new ModelView("resnet18-fmnist", "resnet18", true, ["input float[N,3,112,112]"], [],
        [
            Model.Variants[0] with { Variant = "full", Trained = true, Top1 = 0.848, Top5 = 0.998, AccuracyDataset = "subset", AccuracyImages = 1000 },
        ], new Models.Repository.ModelAccuracy(
        [
            new Models.Repository.AccuracyRecord("channel-0.30", 0.311, 0.864, "subset", 1000),
            new Models.Repository.AccuracyRecord("full", 0.848, 0.998, "subset", 1000),
        ]));
        var status = Status(0.100, prune: 0.05) with
        {
            Service = [new RecentTimes("resnet18-fmnist", "full", 10, 0.1, 0.1, 0.1), new RecentTimes("resnet18-fmnist", "channel-0.30", 10, 0.02, 0.02, 0.02)],
            Prune = [new RecentTimes("resnet18-fmnist", null, 1, 0.05, 0.05, 0.05)],
        };
        var inputs = new DevicePlanInputs { Model = model, Status = status, Pruned = channel, Requests = 50, InputBytes = 150_528 };

        var free = DevicePlanning.Plan(inputs);
        var constrained = DevicePlanning.Plan(inputs with { Constraints = new PlanningConstraints { MinTop1 = 0.8 } });

        Assert.True(free.Plan.Chosen?.UsesPrunedModel(), free.Plan.Explanation);
        Assert.Equal(0.311, constrained.Scenario.Model.Pruned.Top1);
        Assert.False(constrained.Plan.Chosen?.UsesPrunedModel() ?? true, constrained.Plan.Explanation);
        foreach (var option in constrained.Plan.Options.Where(o => o.Outcome.Strategy.UsesPrunedModel()))
        {
            Assert.Contains("top1 0.311 of the pruned model channel-0.30 < minTop1 0.8", option.Reasons);
        }

        Assert.EndsWith(
            "Ruled out by accuracy: the pruned model channel-0.30 (top1 0.311 < minTop1 0.8).", constrained.Plan.Explanation, StringComparison.Ordinal);
        Assert.Contains(constrained.Sources, s => s.StartsWith("accuracy constraint: Top-1 >= 0.8, Top-5 >= any", StringComparison.Ordinal));
        Assert.Contains(constrained.Sources, s => s.Contains("0.311 (channel-0.30, 1000 images of subset)", StringComparison.Ordinal));
        Assert.Contains(free.Sources, s => s.StartsWith("accuracy constraint: none", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_EdgeFull_PredictsUploadPlusServicePlusResultAtRadioRates()
    {
        var context = DevicePlanning.Plan(Inputs(Status(0.010), requests: 20));
        var rates = RadioChannel.Evaluate(RadioOptions.Default).Rates;
        var expected = (602_112 * 8 / rates.Uplink.Value) + 0.010 + (2000 * 8 / rates.Downlink.Value);
        Assert.Equal(expected, context.Outcome(Strategy.EdgeFull).CycleDelay.Value, 12);
        Assert.Equal(20 * expected, context.Outcome(Strategy.EdgeFull).LifetimeDelay.Value, 10);
        Assert.Equal(4, context.Scenario.Edge.Load);
    }

    [Fact]
    public void Plan_PrunedVariantInCatalog_UsesItsWireSizeAndTheEdgePruneTime()
    {
        var context = DevicePlanning.Plan(Inputs(Status(0.010, prune: 0.5)));
        Assert.Equal(4_400_000, context.Scenario.Model.Pruned.Size.Value);
        Assert.Equal(0.5, context.Scenario.Model.Pruned.Prune.Value);
        Assert.Contains(context.Sources, s => s.Contains("edge status median 0.5 s", StringComparison.Ordinal));
        Assert.Contains(context.Sources, s => s.Contains("no device profile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_UnknownVariantAndPrune_EstimatesAndSaysSo()
    {
        var context = DevicePlanning.Plan(Inputs(Status(0.010), ModelVariant.Pruned("mobilenet", PruningMethod.Layer, PruningFactor.Of(0.5))));
        Assert.Equal((long)(17_000_000 * (0.5 + (1.0 / 32))), context.Scenario.Model.Pruned.Size.Value);
        Assert.Equal(17_000_000 / DevicePlanning.AssumedPruneBytesPerSecond, context.Scenario.Model.Pruned.Prune.Value, 12);
        Assert.Contains(context.Sources, s => s.StartsWith("pruned size: estimated", StringComparison.Ordinal));
        Assert.Contains(context.Sources, s => s.StartsWith("prune time: GUESS", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("int8", null, null, 0.25)]
    [InlineData("channel-ls+int8", "0.5", null, 0.125)]
    [InlineData("channel", null, "0.4", 0.4)]
    public void Plan_UnknownVariantOfAnyKind_EstimatesItsWireSizeFromItsDenseWeights(string kind, string? pf, string? macs, double fraction)
    {
        // Channel pruning keeps about 1 − pf of the weights (a budget: about its share of the MACs), INT8 a quarter of the
        // bytes; the wire format sends dense and integer tensors as they are.
        var variant = ModelVariant.FromRequest("mobilenet", pf, kind, macs);

        var context = DevicePlanning.Plan(Inputs(Status(0.010, prune: 0.5), variant));

        Assert.Equal((long)(17_000_000 * fraction), context.Scenario.Model.Pruned.Size.Value);
        Assert.Contains(context.Sources, s => s.StartsWith("pruned size: estimated", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_DataAwareVariantTheEdgeHasNotBuilt_UsesTheDataFreeTimeAndCallsItALowerBound()
    {
        var variant = ModelVariant.FromRequest("mobilenet", "0.5", "channel-ls");
        var status = Status(0.010, prune: 0.5);

        var context = DevicePlanning.Plan(Inputs(status, variant));
        Assert.Equal(0.5, context.Scenario.Model.Pruned.Prune.Value);
        Assert.Contains(context.Sources, s => s.Contains("is a lower bound", StringComparison.Ordinal));

        // Once the edge reports builds of that very variant, those are used.
        var built = status with { Prune = [.. status.Prune, new RecentTimes("mobilenet", "channel-ls-0.50", 2, 12.0, 13.0, 13.0)] };
        Assert.Equal(12.0, DevicePlanning.Plan(Inputs(built, variant)).Scenario.Model.Pruned.Prune.Value);
    }

    [Fact]
    public void Plan_EdgeCalibratedButNotPrunedYet_ScalesItsCalibrationRate()
    {
        // The edge pruned a 4 MB model in 0.1 s at start-up (40 MB/s) and opened it in 20 ms: 17 MB takes 0.425 s and 85 ms.
        var status = Status(0.010) with { Warmup = new WarmupView(true, "tiny", 4_000_000, 0.1, 40e6, 0.020, null) };
        var overheads = new MeasuredOverheads(new Core.Quantities.Seconds(0.003), new Core.Quantities.Seconds(0.002), 5, 3, 1 << 20);
        var context = DevicePlanning.Plan(Inputs(status) with { Overheads = overheads });
        Assert.Equal(0.425, context.Scenario.Model.Pruned.Prune.Value, 12);
        Assert.Equal(0.085, context.Scenario.Overheads.EdgeSessionOpen.Value, 12);
        Assert.Contains(context.Sources, s => s.Contains("calibration rate 40 MB/s", StringComparison.Ordinal));

        // Edge-ondemand pays T_pr + the session open once and the request overhead per request; the paper's plan has neither.
        var with = context.Outcome(Strategy.EdgeOndemand);
        var paper = context.PaperOutcome(Strategy.EdgeOndemand);
        Assert.Equal(paper.CycleDelay.Value + 0.085 + 0.003, with.CycleDelay.Value, 12);
        Assert.Equal(paper.LifetimeDelay.Value + 0.085 + (5 * 0.003), with.LifetimeDelay.Value, 12);
        Assert.Equal(context.PaperOutcome(Strategy.DeviceFull).CycleDelay.Value + 0.002, context.Outcome(Strategy.DeviceFull).CycleDelay.Value, 12);
    }

    [Fact]
    public void Plan_VariantOpenedAtTheEdge_UsesItsOwnSessionOpen()
    {
        var status = Status(0.010) with
        {
            SessionOpen = [new RecentTimes("mobilenet", "full", 1, 0.2, 0.2, 0.2), new RecentTimes("mobilenet", "global-0.70", 2, 0.04, 0.05, 0.05)],
            Warmup = new WarmupView(true, "tiny", 4_000_000, 0.1, 40e6, 0.020, null),
        };
        var overheads = new MeasuredOverheads(default, default, 5, 3, 1 << 20);
        var context = DevicePlanning.Plan(Inputs(status) with { Overheads = overheads });
        Assert.Equal(0.04, context.Scenario.Overheads.EdgeSessionOpen.Value, 12);
    }

    [Theory]
    [InlineData("wire")]
    [InlineData("onnx")]
    public void Plan_DeviceProfileWithSetup_AddsSessionOpenAndWireDecodeToTheDeviceStrategies(string format)
    {
        var folder = Directory.CreateTempSubdirectory("edgeinfer-device-plan-").FullName;
        try
        {
            var path = Path.Combine(folder, "tiny.onnx");
            File.WriteAllBytes(path, Google.Protobuf.MessageExtensions.ToByteArray(EdgeInfer.Models.Building.TinyNetwork.Build()));
            var profilerOptions = new Runtime.Profiles.ProfilerOptions { MeasureEdge = false, Samples = 2, WarmupRuns = 1, SetupSamples = 1 };
            var profile = new Runtime.Profiles.Profiler(profilerOptions).Run(
            [
                new Runtime.Profiles.ProfileTarget("mobilenet", "full", path),
                new Runtime.Profiles.ProfileTarget("mobilenet", "global-0.70", path) { PruningFactor = 0.7, PruningMethod = "global" },
            ], cancellationToken: TestContext.Current.CancellationToken);
            var overheads = new MeasuredOverheads(default, default, 5, 3, 1 << 20);
            var context = DevicePlanning.Plan(Inputs(Status(0.010)) with { DeviceProfile = profile, PrunedFormat = format, Overheads = overheads });

            var full = profile.Device!.Find("mobilenet", "full")!.Measurements[0];
            var pruned = profile.Device.Find("mobilenet", "global-0.70")!.Measurements[0];
            // A repeated open is the median; the process's first model open adds the largest first-open excess.
            var excess = new[] { full, pruned }.Max(m => Math.Max(0, m.FirstSessionOpenSeconds!.Value - m.SessionOpenSeconds!.MedianSeconds));
            Assert.Equal(full.SessionOpenSeconds!.MedianSeconds + excess, context.Scenario.Model.Full.DeviceSessionOpen.Value, 12);
            Assert.Equal(pruned.SessionOpenSeconds!.MedianSeconds + excess, context.Scenario.Model.Pruned.DeviceSessionOpen.Value, 12);
            var decode = format == "wire" ? pruned.WireDecodeSeconds!.MedianSeconds : 0;
            Assert.Equal(decode, context.Scenario.Model.Pruned.DeviceDecode.Value, 12);
            Assert.Equal(context.PaperOutcome(Strategy.DevicePrepruned).CycleDelay.Value + pruned.SessionOpenSeconds.MedianSeconds + excess + decode,
                context.Outcome(Strategy.DevicePrepruned).CycleDelay.Value, 9);
            Assert.Equal(context.PaperOutcome(Strategy.EdgeFull).CycleDelay.Value, context.Outcome(Strategy.EdgeFull).CycleDelay.Value, 12);
            Assert.Contains(
                context.Sources, s => s.StartsWith("device session open (beyond the paper): device profile median session open", StringComparison.Ordinal));

            var later = DevicePlanning.Plan(
                Inputs(Status(0.010)) with { DeviceProfile = profile, PrunedFormat = format, Overheads = overheads, DeviceOpenedModel = true });
            Assert.Equal(full.SessionOpenSeconds.MedianSeconds, later.Scenario.Model.Full.DeviceSessionOpen.Value, 12);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Plan_WithoutOverheads_IsThePaperPlan()
    {
        var context = DevicePlanning.Plan(Inputs(Status(0.010)));
        Assert.Same(context.Plan, context.PaperPlan);
        Assert.Equal(new ProtocolOverheads(), context.Scenario.Overheads);
    }

    [Fact]
    public void Plan_NoEdgeTime_IsRejected() =>
        Assert.Throws<Core.EdgeInferInputException>(() => DevicePlanning.Plan(Inputs(Status(0.01) with { Inference = [], Service = [] }, inputBytes: 100)));
}
