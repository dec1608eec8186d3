using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Profiles;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

public sealed class CellScenarioJsonTests
{
    [Fact]
    public void Parse_EmptyObject_GivesTheRecordsDefaults()
    {
        var parsed = CellScenarioJson.Parse("{}");

        ScenarioAssert.Same(new CellScenario(), parsed);
        Assert.Equal(ChannelCondition.Expected, parsed.Radio.Condition);
    }

    [Fact]
    public void Parse_MinimalExample_SpellsOutExactlyTheDefaults()
    {
        ScenarioAssert.Same(new CellScenario(), FolderScenarioFiles.ParseExample("cell-minimal.json"));
    }

    [Fact]
    public void Parse_CellExample_ReadsEverySectionAndTheProfile()
    {
        var scenario = FolderScenarioFiles.ParseExample("cell.json");
        var profile = ProfileFile.ReadComplete(Path.Combine(FolderScenarioFiles.Examples, "profiles", "paper-2core.json"));

        Assert.Equal(new CellSite(), Assert.Single(scenario.Cells));
        Assert.Equal(RadioOptions.Default with { Condition = ChannelCondition.Expected }, scenario.Radio);
        Assert.Equal(new DeviceLayout { Count = 500, OuterRadiusMeters = 200 }, scenario.Devices);
        Assert.Equal(["camera", "bursty"], scenario.Applications.Select(a => a.Name));
        var camera = scenario.Applications[0];
        Assert.Equal(
            (0.7, 0.80, 2.0, 50L, 10.0), (camera.Share, camera.MinTop1, camera.Deadline!.Value.Value, camera.RequestsPerLifetime, camera.Battery!.Value.Value));
        Assert.Equal(new ArrivalProcess { Kind = ArrivalKind.Poisson, RatePerSecond = 0.2 }, camera.Arrivals);
        var bursty = scenario.Applications[1];
        Assert.Null(bursty.MinTop1);
        Assert.Equal(new ArrivalProcess { Kind = ArrivalKind.OnOff, RatePerSecond = 2, MeanOnSeconds = 5, MeanOffSeconds = 45 }, bursty.Arrivals);
        Assert.Equal(0.2, bursty.Arrivals.MeanRatePerSecond, 12);

        Assert.Equal(["resnet152", "densenet201", "mobilenet"], scenario.Catalog.Models.Select(m => m.Name));
        foreach (var model in scenario.Catalog.Models)
        {
            Assert.Equal(
                [ProfileVariants.Variant(profile, model.Name, "full", 0.848), ProfileVariants.Variant(profile, model.Name, "channel-ls-0.70", 0.823)],
                model.Variants);
        }

        Assert.Equal((0.8, 4), (scenario.Catalog.ZipfExponent, scenario.Catalog.Replicas));
        Assert.Equal(EdgeDiscipline.ProcessorSharing, scenario.Edge.Discipline);
        Assert.Equal(ProfileVariants.Slowdown(profile, "mobilenet", "full"), scenario.Edge.Slowdown);
        Assert.Equal(new StoreOptions { Capacity = new Bytes(200_000_000) }, scenario.Edge.Store);
        Assert.Equal(PlacementPolicies.Names, scenario.Policies);
        Assert.Equal([EvictionKind.Lru, EvictionKind.UtilityPerByte], scenario.Evictions);
        Assert.Equal((new Seconds(300), new Seconds(30)), (scenario.Duration, scenario.Warmup));
    }

    [Fact]
    public void Parse_RadioSection_ReadsAsCoresScenarioFormatDoes()
    {
        const string Radio = """{ "condition": "nlos", "bandwidthMhz": 50, "deviceAntennaElements": 4, "deviceHeightMeters": 2 }""";

        var cell = CellScenarioJson.Parse($$"""{ "radio": {{Radio}} }""").Radio;

        Assert.Equal(ScenarioJson.Parse($$"""{ "radio": {{Radio}} }""").Radio, cell);
        Assert.Equal(ChannelCondition.Nlos, cell.Condition);
        Assert.Equal(new Hertz(50e6), cell.Bandwidth);
    }

    [Fact]
    public void Parse_NumberedModelsAndTheirVariants_AreReadAsGiven()
    {
        var scenario = CellScenarioJson.Parse("""
            { "catalog": { "models": [
                { "name": "a", "variants": [
                    { "name": "full", "sizeBytes": 1000, "deviceInferenceSeconds": 0.5, "edgeInferenceSeconds": 0.1 },
                    { "name": "int8", "sizeBytes": 250, "deviceInferenceSeconds": 0.2, "edgeInferenceSeconds": 0.05, "pruneSeconds": 3, "top1": 0.7 } ] } ],
              "zipfExponent": 0, "replicas": 10 } }
            """);

        var model = Assert.Single(scenario.Catalog.Models);
        Assert.Equal("a", model.Name);
        Assert.Equal(
            [
                new SimulatedVariant { Name = "full", Size = new Bytes(1000), DeviceInference = new Seconds(0.5), EdgeInference = new Seconds(0.1) },
                new SimulatedVariant
                {
                    Name = "int8",
                    Size = new Bytes(250),
                    DeviceInference = new Seconds(0.2),
                    EdgeInference = new Seconds(0.05),
                    Prune = new Seconds(3),
                    Top1 = 0.7,
                },
            ],
            model.Variants);
        Assert.Equal((0.0, 10), (scenario.Catalog.ZipfExponent, scenario.Catalog.Replicas));
    }

    [Fact]
    public void Parse_EdgeWithExplicitSlowdownAndFcfsStore_ReadsEachField()
    {
        var edge = CellScenarioJson.Parse("""
            { "edge": { "discipline": "processor-sharing", "cores": 4, "slowdown": [[0, 1], [1, 1.9], [4, 5.5]], "computePowerWatts": 90,
                        "store": { "capacityBytes": 0, "preload": "all" } } }
            """).Edge;

        Assert.Equal(
            new CellEdgeOptions
            {
                Cores = 4,
                Slowdown = edge.Slowdown,
                ComputePower = new Watts(90),
                Store = new StoreOptions { Capacity = Bytes.Zero, Preload = StorePreload.All },
            },
            edge);
        Assert.Equal([(0, 1.0), (1, 1.9), (4, 5.5)], edge.Slowdown);
        Assert.Equal(EdgeDiscipline.Fcfs, CellScenarioJson.Parse("""{ "edge": { "discipline": "fcfs" } }""").Edge.Discipline);
    }

    [Fact]
    public void Parse_DevicesPowerMessagesAndMobility_ReadEachField()
    {
        var scenario = CellScenarioJson.Parse("""
            { "devices": { "placement": "annulus", "count": 7, "innerRadiusMeters": 20, "outerRadiusMeters": 90, "gridSpacingMeters": 5,
                           "mobility": { "minSpeedMetersPerSecond": 1, "maxSpeedMetersPerSecond": 2, "pauseSeconds": 3 } },
              "devicePower": { "txPowerWatts": 0.2, "rxPowerWatts": 0.3, "basebandPowerWatts": 4, "computePowerWatts": 1.5 },
              "messages": { "inputBytes": 150000, "resultBytes": 100, "requestBytes": 500 },
              "sharing": "equal-rate", "objective": "energy", "thresholdJobs": 3 }
            """);

        Assert.Equal(
            new DeviceLayout
            {
                Placement = DevicePlacement.Annulus,
                Count = 7,
                InnerRadiusMeters = 20,
                OuterRadiusMeters = 90,
                GridSpacingMeters = 5,
                Mobility = new MobilityOptions { MinSpeedMetersPerSecond = 1, MaxSpeedMetersPerSecond = 2, PauseSeconds = 3 },
            },
            scenario.Devices);
        Assert.Equal(
            new DeviceProfile { TxPower = new Watts(0.2), RxPower = new Watts(0.3), BasebandPower = new Watts(4), ComputePower = new Watts(1.5) },
            scenario.DevicePower);
        Assert.Equal(new MessageSizes { Input = new Bytes(150_000), Result = new Bytes(100), Request = new Bytes(500) }, scenario.Messages);
        Assert.Equal((RadioSharing.EqualRate, Objective.Energy, 3), (scenario.Sharing, scenario.Objective, scenario.ThresholdJobs));
    }

    [Fact]
    public void Parse_UnnamedCells_AreNumberedInOrder()
    {
        var cells = CellScenarioJson.Parse("""{ "cells": [{}, { "xMeters": 300, "yMeters": -20 }] }""").Cells;

        Assert.Equal([new CellSite(), new CellSite { Name = "cell-1", XMeters = 300, YMeters = -20 }], cells);
    }

    [Fact]
    public void Parse_NamesInAnyCase_AreAccepted()
    {
        var scenario = CellScenarioJson.Parse("""{ "sharing": "Equal-Rate", "policies": ["Paper"], "evictions": ["LFU"] }""");

        Assert.Equal(RadioSharing.EqualRate, scenario.Sharing);
        Assert.Equal("paper", Assert.Single(scenario.Policies));
        Assert.Equal(EvictionKind.Lfu, Assert.Single(scenario.Evictions));
    }
}
