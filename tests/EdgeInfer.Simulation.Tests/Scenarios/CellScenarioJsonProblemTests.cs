using EdgeInfer.Core;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>Each kind of problem is named by its JSON path, and all of a file's problems come in one exception.</summary>
public sealed class CellScenarioJsonProblemTests
{
    private const string TwoModels = """
        { "catalog": { "models": [
            { "name": "a", "variants": [{ "name": "full", "sizeBytes": 1, "deviceInferenceSeconds": 1, "edgeInferenceSeconds": 1 }] },
            { "name": "b", "variants": [{ "name": "full", "sizeBytes": "big", "deviceInferenceSeconds": 1, "edgeInferenceSeconds": 1, "top5": 0.9 }] } ] } }
        """;

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "must be a JSON object, got array")]
    public void Parse_NoObject_IsRejected(string json, string expected)
    {
        Assert.Contains(expected, ScenarioAssert.Problems(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownField_IsNamedWithItsPathAndTheKnownOnes()
    {
        var message = ScenarioAssert.Problems("""{ "devices": { "cout": 5 } }""");

        Assert.Contains("devices.cout is not a known field (known here: placement, count,", message, StringComparison.Ordinal);
        Assert.Contains("catalog.models[1].variants[0].top5 is not a known field", ScenarioAssert.Problems(TwoModels), StringComparison.Ordinal);
        Assert.Contains("durationSecond is not a known field", ScenarioAssert.Problems("""{ "durationSecond": 3 }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateField_IsNamed()
    {
        Assert.Contains(
            "durationSeconds appears more than once", ScenarioAssert.Problems("""{ "durationSeconds": 1, "durationSeconds": 2 }"""), StringComparison.Ordinal);
        Assert.Contains(
            "applications[0].share appears more than once",
            ScenarioAssert.Problems("""{ "applications": [{ "share": 1, "share": 1 }] }"""),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongKind_IsNamedWithItsPath()
    {
        Assert.Contains(
            "catalog.models[1].variants[0].sizeBytes must be a number, got the string \"big\"", ScenarioAssert.Problems(TwoModels), StringComparison.Ordinal);
        ScenarioAssert.Reports("""{ "cells": {} }""", "cells must be an array of objects, got an object");
        ScenarioAssert.Reports("""{ "applications": [{}, 3] }""", "applications[1] must be a JSON object, got the number 3");
        ScenarioAssert.Reports("""{ "devices": { "count": 2.5 } }""", "devices.count = 2.5 must be a whole number");
        ScenarioAssert.Reports("""{ "edge": { "slowdown": [[0, 1], [1]] } }""", "edge.slowdown[1] must be a pair [load, factor], got an array");
        ScenarioAssert.Reports("""{ "edge": { "slowdown": [[0.5, 1]] } }""", "edge.slowdown[0][0] = 0.5 must be a load");
    }

    [Fact]
    public void Parse_ValueOutOfRange_IsNamedWithItsPath()
    {
        Assert.Contains("durationSeconds = -1 must not be negative", ScenarioAssert.Problems("""{ "durationSeconds": -1 }"""), StringComparison.Ordinal);
        Assert.Contains("edge.store.capacityBytes = -5 must not be negative",
            ScenarioAssert.Problems("""{ "edge": { "store": { "capacityBytes": -5 } } }"""), StringComparison.Ordinal);
        Assert.Contains("applications[0].share = 1.5 must be in (0, 1]", ScenarioAssert.Problems("""{ "applications": [{ "share": 1.5 }] }"""),
            StringComparison.Ordinal);
        Assert.Contains("radio.deviceHeightMeters = 30 m is outside", ScenarioAssert.Problems("""{ "radio": { "deviceHeightMeters": 30 } }"""),
            StringComparison.Ordinal);
        Assert.Contains("catalog.zipfExponent", ScenarioAssert.Problems("""{ "catalog": { "zipfExponent": -1 } }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownNames_ListTheKnownOnes()
    {
        Assert.Contains(
            $"policies[1] = \"greedy\" is not a known placement policy (known: {string.Join(", ", PlacementPolicies.Names)})",
            ScenarioAssert.Problems("""{ "policies": ["paper", "greedy"] }"""),
            StringComparison.Ordinal);
        Assert.Contains(
            "evictions[0] = \"fifo\" is not a known eviction policy (known: lru, lfu, static-top-k, utility-per-byte)",
            ScenarioAssert.Problems("""{ "evictions": ["fifo"] }"""),
            StringComparison.Ordinal);
        Assert.Contains("policies[1] = \"paper\" is listed twice", ScenarioAssert.Problems("""{ "policies": ["paper", "paper"] }"""), StringComparison.Ordinal);
        Assert.Contains(
            "sharing = \"round-robin\" is not one of proportional-fair, equal-rate", ScenarioAssert.Problems("""{ "sharing": "round-robin" }"""),
            StringComparison.Ordinal);
        Assert.Contains(
            "applications[0].arrivals.kind = \"bursts\" is not one of poisson, on-off, trace",
            ScenarioAssert.Problems("""{ "applications": [{ "arrivals": { "kind": "bursts" } }] }"""),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FieldsThatDoNotApply_AreProblems()
    {
        ScenarioAssert.Reports("""{ "radio": { "distanceMeters": 50 } }""", "radio.distanceMeters does not apply to a cell scenario");
        Assert.Contains(
            "devices.trace applies to placement \"trace\" only", ScenarioAssert.Problems("""{ "devices": { "trace": "p.csv" } }"""), StringComparison.Ordinal);
        Assert.Contains(
            "devices.trace is required", ScenarioAssert.Problems("""{ "devices": { "placement": "trace" } }"""), StringComparison.Ordinal);
        Assert.Contains(
            "catalog.models[0].variants is required", ScenarioAssert.Problems("""{ "catalog": { "models": [{ "name": "x" }] } }"""), StringComparison.Ordinal);
        ScenarioAssert.Reports(
            """{ "catalog": { "models": [{ "name": "x", "variants": [{ "name": "full", "sizeBytes": 1, "deviceInferenceSeconds": 1 }] }] } }""",
            "catalog.models[0].variants[0].edgeInferenceSeconds is required");
    }

    [Fact]
    public void Parse_FileReferenceWithoutAReader_IsAProblem()
    {
        var message = ScenarioAssert.Problems("""
            { "devices": { "placement": "trace", "trace": "positions.csv" },
              "edge": { "slowdownProfile": { "path": "p.json", "model": "mobilenet" } } }
            """);

        Assert.Contains("devices.trace = \"positions.csv\" refers to a file, which needs a file reader", message, StringComparison.Ordinal);
        Assert.Contains("edge.slowdownProfile.path = \"p.json\" refers to a file, which needs a file reader", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_AreReportedTogether()
    {
        var message = ScenarioAssert.Problems("""
            { "cells": [{ "name": 1 }], "devices": { "count": "many" }, "policies": ["nope"], "warmupSeconds": -3, "extra": true }
            """);

        Assert.StartsWith("Invalid cell scenario: ", message, StringComparison.Ordinal);
        Assert.Contains("cells[0].name must be a string, got the number 1", message, StringComparison.Ordinal);
        Assert.Contains("devices.count must be a number, got the string \"many\"", message, StringComparison.Ordinal);
        Assert.Contains("policies[0] = \"nope\" is not a known placement policy", message, StringComparison.Ordinal);
        Assert.Contains("warmupSeconds = -3 must not be negative", message, StringComparison.Ordinal);
        Assert.Contains("extra is not a known field", message, StringComparison.Ordinal);
        Assert.Equal(5, message.Split("; ").Length);
    }

    [Fact]
    public void Parse_SeveralRangeProblems_AreReportedTogether()
    {
        var message = ScenarioAssert.Problems("""
            { "applications": [{ "share": 0.5, "minTop1": 2 }], "edge": { "cores": 0 }, "durationSeconds": 0 }
            """);

        Assert.Contains("applications[0].minTop1 = 2 must be in [0, 1]", message, StringComparison.Ordinal);
        Assert.Contains("applications[*].share sum to 0.5, must sum to 1", message, StringComparison.Ordinal);
        Assert.Contains("edge.cores = 0 must be between 1 and 4096", message, StringComparison.Ordinal);
        Assert.Contains("durationSeconds = 0 must be positive", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Problems_AreInputExceptions()
    {
        Assert.Throws<EdgeInferInputException>(() => CellScenarioJson.Parse("""{ "objective": "speed" }"""));
    }
}
