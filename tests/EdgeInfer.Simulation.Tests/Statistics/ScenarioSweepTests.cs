using System.Text.Json.Nodes;
using EdgeInfer.Core;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Statistics;

/// <summary>
/// <see cref="ScenarioSweep"/>: the <c>--sweep</c> syntax, the cartesian product and the JSON patching. It lives in
/// Scenarios; its tests sit here beside the other CLI-facing statistics helpers' tests.
/// </summary>
public sealed class ScenarioSweepTests
{
    [Fact]
    public void Parse_LinearRange_IsInclusiveAndExact()
    {
        var sweep = ScenarioSweep.Parse("applications[0].arrivals.ratePerSecond=0.1:0.5:0.1");

        Assert.Equal("applications[0].arrivals.ratePerSecond", sweep.Key);
        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5"], sweep.Values);
    }

    [Fact]
    public void Parse_GeometricRange_GivesIntegersForIntegerFactors()
    {
        Assert.Equal(["10", "100", "1000", "10000"], ScenarioSweep.Parse("devices.count=10:10000:x10").Values);
        Assert.Equal(["1", "3", "9", "27"], ScenarioSweep.Parse("devices.count=1:50:x3").Values);
        Assert.Equal(["1", "1.5", "2.25"], ScenarioSweep.Parse("k=1:3:x1.5").Values);
    }

    [Fact]
    public void Parse_List_KeepsWordsAndNormalisesNumbers()
    {
        Assert.Equal(["fcfs", "processor-sharing"], ScenarioSweep.Parse("edge.discipline=fcfs, processor-sharing").Values);
        Assert.Equal(["1000000000", "2.5", "7"], ScenarioSweep.Parse("edge.store.capacityBytes=1e9,2.50,7").Values);
    }

    [Theory]
    [InlineData("devices.count", "expected key=a:b:step")]
    [InlineData("=1,2", "is not a dotted JSON path")]
    [InlineData("devices..count=1", "is not a dotted JSON path")]
    [InlineData("devices.count[x]=1", "is not a dotted JSON path")]
    [InlineData("devices.count=1:2", "three parts")]
    [InlineData("devices.count=1:2:0", "must be above 0")]
    [InlineData("devices.count=5:1:1", "below the start")]
    [InlineData("devices.count=0:10:x2", "factor above 1 and a start above 0")]
    [InlineData("devices.count=1:10:x1", "factor above 1")]
    [InlineData("devices.count=1:ten:1", "the end 'ten' is not a number")]
    [InlineData("devices.count=1,,2", "separated by single commas")]
    [InlineData("devices.count=1:100000:1", "more than 10000 values")]
    public void Parse_BadSyntax_NamesTheSweepAndWhy(string spec, string why)
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ScenarioSweep.Parse(spec));

        Assert.StartsWith($"sweep '{spec}': ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_TwoSweeps_CartesianProductLastVariesFastest()
    {
        var points = ScenarioSweep.Points([ScenarioSweep.Parse("a=1,2"), ScenarioSweep.Parse("b=x,y,z")]);

        Assert.Equal(
            ["a=1 b=x", "a=1 b=y", "a=1 b=z", "a=2 b=x", "a=2 b=y", "a=2 b=z"],
            points.Select(p => string.Join(" ", p.Select(s => $"{s.Key}={s.Value}"))));
    }

    [Fact]
    public void Points_NoSweeps_OnePointWithoutSettings()
    {
        var point = Assert.Single(ScenarioSweep.Points([]));
        Assert.Empty(point);
    }

    [Fact]
    public void Points_SameKeyTwice_Throws()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ScenarioSweep.Points([ScenarioSweep.Parse("a=1"), ScenarioSweep.Parse("a=2")]));
        Assert.Contains("'a' is given twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MissingObjects_AreCreatedAndNumbersStayIntegers()
    {
        var text = ScenarioSweep.Apply("""{ "durationSeconds": 60 }""", [("edge.store.capacityBytes", "1000000000"), ("devices.count", "10")]);
        var root = JsonNode.Parse(text)!;

        Assert.Equal(1_000_000_000, root["edge"]!["store"]!["capacityBytes"]!.GetValue<decimal>());
        Assert.Equal("10", root["devices"]!["count"]!.ToJsonString());
        Assert.Equal(60, root["durationSeconds"]!.GetValue<int>());
    }

    [Fact]
    public void Apply_ArrayIndex_ReplacesOrAppends()
    {
        const string Scenario = """{ "applications": [ { "name": "a", "share": 1 } ], "policies": ["joint"] }""";

        var text = ScenarioSweep.Apply(Scenario, [("applications[0].arrivals.ratePerSecond", "0.5"), ("policies[1]", "paper")]);
        var root = JsonNode.Parse(text)!;

        Assert.Equal(0.5m, root["applications"]![0]!["arrivals"]!["ratePerSecond"]!.GetValue<decimal>());
        Assert.Equal("a", root["applications"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["joint", "paper"], root["policies"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Apply_CommentsAndWords_AreAccepted()
    {
        var text = ScenarioSweep.Apply("{ // a comment\n \"edge\": {} }", [("edge.discipline", "fcfs"), ("flag", "true")]);
        var root = JsonNode.Parse(text)!;

        Assert.Equal("fcfs", root["edge"]!["discipline"]!.GetValue<string>());
        Assert.True(root["flag"]!.GetValue<bool>());
    }

    [Fact]
    public void Apply_NoSettings_ReturnsTheTextUnchanged()
    {
        const string Scenario = "{ /* kept */ \"durationSeconds\": 60 }";
        Assert.Same(Scenario, ScenarioSweep.Apply(Scenario, []));
    }

    [Theory]
    [InlineData("durationSeconds.x", "'durationSeconds' is a number in the scenario, not an object")]
    [InlineData("applications[3].share", "'applications' has 1 element(s), so index 3 is out of range")]
    [InlineData("devices[0]", "'devices' is an object in the scenario, not an array")]
    public void Apply_PathThroughAnotherKind_NamesThePath(string key, string message)
    {
        const string Scenario = """{ "durationSeconds": 60, "devices": { "count": 5 }, "applications": [ {} ] }""";

        var ex = Assert.Throws<EdgeInferInputException>(() => ScenarioSweep.Apply(Scenario, [(key, "1")]));

        Assert.Contains($"sweep key '{key}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NotJson_Throws()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ScenarioSweep.Apply("{ nope", [("a", "1")]));
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyThenParse_SweptValues_ReachTheScenario()
    {
        var points = ScenarioSweep.Points([ScenarioSweep.Parse("devices.count=10:1000:x10"), ScenarioSweep.Parse("edge.store.capacityBytes=0,6e6")]);

        var scenarios = points.Select(p => CellScenarioJson.Parse(ScenarioSweep.Apply("""{ "durationSeconds": 60 }""", p))).ToList();

        Assert.Equal([10, 10, 100, 100, 1000, 1000], scenarios.Select(s => s.Devices.Count));
        Assert.Equal([0L, 6_000_000L, 0L, 6_000_000L, 0L, 6_000_000L], scenarios.Select(s => s.Edge.Store.Capacity.Value));
    }

    [Fact]
    public void ApplyThenParse_RejectedValue_TheParserNamesTheField()
    {
        var text = ScenarioSweep.Apply("{}", [("devices.count", "0")]);

        var ex = Assert.Throws<EdgeInferInputException>(() => CellScenarioJson.Parse(text));

        Assert.Contains("devices.count", ex.Message, StringComparison.Ordinal);
    }
}
