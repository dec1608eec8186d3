using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Http;
using EdgeInfer.Device.Planning;

namespace EdgeInfer.Device.Tests;

public sealed class DevicePlanningTests
{
    private static readonly EdgeModel Model = new("mobilenet", false, ["input float[N,3,224,224]"],
    [
        new EdgeVariant("full", "repository", 17_000_000, new EdgeFormatSizes(17_000_000, null, null), 4_231_976, false, null, null, null, null),
        new EdgeVariant("global-0.70", "cached", 17_000_000, new EdgeFormatSizes(17_000_000, 4_400_000, null), 4_231_976, false, 0.7, "global", null, null),
    ]);

    private static EdgeStatus Status(double service, double? prune = null) => new(0, 0, 2, 64, 1, 2, false, new EdgeLoadStatus(4, "mobilenet", 100), prune is null ? 0 : 1,
        [new EdgeRecentTimes("mobilenet", "full", 10, service / 2, service, service)],
        [new EdgeRecentTimes("mobilenet", "full", 10, service, service, service)],
        prune is { } p ? [new EdgeRecentTimes("mobilenet", null, 1, p, p, p)] : []);

    [Fact]
    public void Plan_EdgeFull_PredictsUploadPlusServicePlusResultAtRadioRates()
    {
        var context = DevicePlanning.Plan(Model, Status(0.010), new VariantQuery(0.7, "global"), 20, 602_112, RadioOptions.Default, null);
        var rates = RadioChannel.Evaluate(RadioOptions.Default).Rates;
        var expected = (602_112 * 8 / rates.Uplink.Value) + 0.010 + (2000 * 8 / rates.Downlink.Value);
        Assert.Equal(expected, context.Outcome(Strategy.EdgeFull).CycleDelay.Value, 12);
        Assert.Equal(20 * expected, context.Outcome(Strategy.EdgeFull).LifetimeDelay.Value, 10);
        Assert.Equal(4, context.Scenario.Edge.Load);
    }

    [Fact]
    public void Plan_PrunedVariantInCatalog_UsesItsWireSizeAndTheEdgePruneTime()
    {
        var context = DevicePlanning.Plan(Model, Status(0.010, prune: 0.5), new VariantQuery(0.7, "global"), 5, 602_112, RadioOptions.Default, null);
        Assert.Equal(4_400_000, context.Scenario.Model.Pruned.Size.Value);
        Assert.Equal(0.5, context.Scenario.Model.Pruned.Prune.Value);
        Assert.Contains(context.Sources, s => s.Contains("edge status median 0.5 s", StringComparison.Ordinal));
        Assert.Contains(context.Sources, s => s.Contains("no device profile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_UnknownVariantAndPrune_EstimatesAndSaysSo()
    {
        var context = DevicePlanning.Plan(Model, Status(0.010), new VariantQuery(0.5, "layer"), 5, 602_112, RadioOptions.Default, null);
        Assert.Equal((long)(17_000_000 * (0.5 + (1.0 / 32))), context.Scenario.Model.Pruned.Size.Value);
        Assert.Equal(17_000_000 / DevicePlanning.AssumedPruneBytesPerSecond, context.Scenario.Model.Pruned.Prune.Value, 12);
        Assert.Contains(context.Sources, s => s.StartsWith("pruned size: estimated", StringComparison.Ordinal));
        Assert.Contains(context.Sources, s => s.StartsWith("prune time: estimated", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_NoEdgeTime_IsRejected() =>
        Assert.Throws<Core.EdgeInferInputException>(() => DevicePlanning.Plan(Model, Status(0.01) with { Inference = [], Service = [] }, new VariantQuery(0.7, "global"), 5, 100, RadioOptions.Default, null));
}
