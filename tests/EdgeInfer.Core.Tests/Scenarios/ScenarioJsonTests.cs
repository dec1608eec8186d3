using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Core.Tests.Planning;

namespace EdgeInfer.Core.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    private const string IssueExample = """
        {
          "radio": { "distanceMeters": 100, "condition": "los" },
          "device": { "batteryWattHours": 11.1 },
          "workload": { "requests": 50 },
          "edge": { "load": 40 },
          "model": {
            "name": "mobilenet",
            "full":   { "sizeBytes": 16900000, "deviceInferenceSeconds": 0.05, "edgeInferenceSeconds": 0.40, "top1": 0.70 },
            "pruned": { "pruningFactor": 0.7, "sizeBytes": 5600000, "deviceInferenceSeconds": 0.03, "edgeInferenceSeconds": 0.25,
                        "pruneSeconds": 2.0, "top1": 0.68 }
          },
          "constraints": { "minTop1": 0.6, "maxCycleDelaySeconds": 2.0 },
          "objective": "latency"
        }
        """;

    [Fact]
    public void Parse_IssueExample_EqualsTheSameScenarioBuiltInCode()
    {
        var parsed = ScenarioJson.Parse(IssueExample);
        Assert.Equal(OffloadPlannerTests.Example.Device, parsed.Device);
        Assert.Equal(OffloadPlannerTests.Example.Edge, parsed.Edge);
        Assert.Equal(OffloadPlannerTests.Example.Workload, parsed.Workload);
        Assert.Equal(OffloadPlannerTests.Example.Model.Full, parsed.Model.Full);
        Assert.Equal(OffloadPlannerTests.Example.Model.Pruned, parsed.Model.Pruned);
        Assert.Equal(OffloadPlannerTests.Example.Constraints, parsed.Constraints);
        Assert.Equal(RadioOptions.Default, parsed.Radio);
    }

    [Fact]
    public void Parse_Overheads_ReadsEachField()
    {
        var parsed = ScenarioJson.Parse("""{ "overheads": { "requestSeconds": 0.0025, "downloadSeconds": 0.012, "edgeSessionOpenSeconds": 0.04 } }""");
        Assert.Equal(
            new ProtocolOverheads { Request = new Seconds(0.0025), Download = new Seconds(0.012), EdgeSessionOpen = new Seconds(0.04) }, parsed.Overheads);
        Assert.Equal(new ProtocolOverheads(), ScenarioJson.Parse("{}").Overheads);
        var pruned = ScenarioJson.Parse("""{ "model": { "pruned": { "deviceDecodeSeconds": 0.07, "deviceSessionOpenSeconds": 0.04 } } }""").Model.Pruned;
        Assert.Equal(new Seconds(0.07), pruned.DeviceDecode);
        Assert.Equal(new Seconds(0.04), pruned.DeviceSessionOpen);
    }

    [Fact]
    public void Parse_VariantName_IsReadForThePlansReasons()
    {
        var parsed = ScenarioJson.Parse("""{ "model": { "pruned": { "variant": "channel-0.30", "top1": 0.311 } }, "constraints": { "minTop1": 0.8 } }""");

        Assert.Equal("channel-0.30", parsed.Model.Pruned.Variant);
        Assert.Null(parsed.Model.Full.Variant);
        var rates = new LinkRates(new BitsPerSecond(1e8), new BitsPerSecond(1e8));
        var reasons = OffloadPlanner.Plan(parsed, rates).Options.Single(o => o.Outcome.Strategy == Strategy.DevicePrepruned).Reasons;
        Assert.Equal(["top1 0.311 of the pruned model channel-0.30 < minTop1 0.8"], reasons);
    }

    [Fact]
    public void Parse_SessionOpenUnderItsOldLoadNames_StillRead()
    {
        var parsed = ScenarioJson.Parse("""{ "overheads": { "edgeModelLoadSeconds": 0.04 }, "model": { "full": { "deviceLoadSeconds": 0.03 } } }""");

        Assert.Equal(new Seconds(0.04), parsed.Overheads.EdgeSessionOpen);
        Assert.Equal(new Seconds(0.03), parsed.Model.Full.DeviceSessionOpen);
    }

    [Fact]
    public void Parse_EmptyObject_TakesEveryDefault()
    {
        var parsed = ScenarioJson.Parse("{}");
        Assert.Equal(new PlanningScenario().Workload, parsed.Workload);
        Assert.Equal(RadioOptions.Default, parsed.Radio);
        Assert.Equal(300_000, parsed.Workload.InputSize.Value);
        Assert.Equal(131.26, parsed.Edge.ComputePower.Value);
    }

    [Fact]
    public void Parse_EveryRadioField_Overrides()
    {
        var parsed = ScenarioJson.Parse("""
            { "radio": { "distanceMeters": 250, "condition": "Expected", "carrierFrequencyGhz": 28, "bandwidthMhz": 400,
              "baseStationTxPowerDbm": 30, "deviceTxPowerDbm": 20, "baseStationAntennaElements": 64, "deviceAntennaElements": 4,
              "elementGainDbi": 5, "baseStationNoiseFigureDb": 7, "deviceNoiseFigureDb": 10,
              "baseStationHeightMeters": 12, "deviceHeightMeters": 2 } }
            """);
        Assert.Equal(
            new RadioOptions
            {
                Distance = new Meters(250),
                Condition = ChannelCondition.Expected,
                CarrierFrequency = new Hertz(28e9),
                Bandwidth = new Hertz(400e6),
                BaseStationTxPower = new DecibelMilliwatts(30),
                DeviceTxPower = new DecibelMilliwatts(20),
                BaseStationAntennaElements = 64,
                DeviceAntennaElements = 4,
                ElementGain = new Decibels(5),
                BaseStationNoiseFigure = new Decibels(7),
                DeviceNoiseFigure = new Decibels(10),
                BaseStationHeight = new Meters(12),
                DeviceHeight = new Meters(2),
            },
            parsed.Radio);
    }

    [Theory]
    [InlineData("""{ "radio": { "distance": 100 } }""", "radio.distance is not a known field")]
    [InlineData("""{ "model": { "full": { "sizeBytes": 1, "flops": 2 } } }""", "model.full.flops is not a known field")]
    [InlineData("""{ "extra": true }""", "extra is not a known field")]
    [InlineData("""{ "model": { "pruned": { "sizeBytes": -5 } } }""", "model.pruned.sizeBytes = -5 must not be negative")]
    [InlineData("""{ "workload": { "inputBytes": 1.5 } }""", "workload.inputBytes = 1.5 must be a whole number")]
    [InlineData("""{ "radio": { "distanceMeters": -3 } }""", "radio.distanceMeters = -3 must not be negative")]
    [InlineData("""{ "radio": { "distanceMeters": "far" } }""", "radio.distanceMeters must be a number, got the string \"far\"")]
    [InlineData("""{ "radio": { "condition": "foggy" } }""", "radio.condition = \"foggy\" is not one of los, nlos, expected")]
    [InlineData("""{ "objective": "cost" }""", "objective = \"cost\" is not one of latency, energy, data")]
    [InlineData("""{ "device": 5 }""", "device must be a JSON object, got the number 5")]
    [InlineData("""{ "workload": { "requests": 1, "requests": 2 } }""", "workload.requests appears more than once")]
    [InlineData("""{ "edge": { "load": -1 } }""", "edge.load = -1 must not be negative")]
    [InlineData("""{ "overheads": { "requestSeconds": -0.1 } }""", "overheads.requestSeconds = -0.1 must not be negative")]
    [InlineData("""{ "overheads": { "rttSeconds": 0.1 } }""", "overheads.rttSeconds is not a known field")]
    [InlineData("", "the scenario is empty")]
    [InlineData("  \n ", "the scenario is empty")]
    [InlineData("not json", "the scenario is not valid JSON")]
    [InlineData("{ \"radio\": ", "the scenario is not valid JSON")]
    [InlineData("[1, 2]", "the scenario must be a JSON object, got array")]
    public void Parse_BadInput_ThrowsNamingTheField(string json, string expected)
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ScenarioJson.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllAtOnce()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ScenarioJson.Parse("""{ "a": 1, "radio": { "b": 2 }, "workload": { "inputBytes": -1 } }"""));
        Assert.Contains("a is not a known field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("radio.b is not a known field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("workload.inputBytes = -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutOfRangeDistance_IsReportedByToInputsWithItsPath()
    {
        var scenario = ScenarioJson.Parse("""{ "radio": { "distanceMeters": 6000 } }""");
        var ex = Assert.Throws<EdgeInferInputException>(() => scenario.ToInputs());
        Assert.Contains("radio.distanceMeters = 6000 m is outside", ex.Message, StringComparison.Ordinal);
    }
}
