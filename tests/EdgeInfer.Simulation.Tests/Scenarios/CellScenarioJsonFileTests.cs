using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Profiles;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>Files a scenario refers to, read from a real folder as the CLI reads them (relative to the scenario file).</summary>
public sealed class CellScenarioJsonFileTests
{
    private const string PositionsScenario = """{ "devices": { "placement": "trace", "trace": "positions.csv" } }""";

    private const string ArrivalsScenario = """
        { "devices": { "count": 3 }, "applications": [{ "arrivals": { "kind": "trace", "trace": "arrivals.csv" } }] }
        """;

    [Fact]
    public void Parse_PositionsTrace_GivesOneDevicePerRow()
    {
        using var folder = new TemporaryScenarioFolder().With("positions.csv", "x_m,y_m\r\n10,0\r\n-35.5,120\r\n\r\n0,1e2\r\n");

        var devices = CellScenarioJson.Parse(PositionsScenario, folder.Files).Devices;

        Assert.Equal(DevicePlacement.Trace, devices.Placement);
        Assert.Equal([(10.0, 0.0), (-35.5, 120.0), (0.0, 100.0)], devices.Trace);
        Assert.Equal(3, devices.DeviceCount);
    }

    [Fact]
    public void Parse_ArrivalsTrace_IsReadPerClass()
    {
        using var folder = new TemporaryScenarioFolder().With("arrivals.csv", "seconds,device\n0.5,2\n0.25,0\n3,1\n");

        var arrivals = CellScenarioJson.Parse(ArrivalsScenario, folder.Files).Applications[0].Arrivals;

        Assert.Equal(ArrivalKind.Trace, arrivals.Kind);
        Assert.Equal([(0.5, 2), (0.25, 0), (3.0, 1)], arrivals.Trace);
    }

    [Fact]
    public void Parse_BadCsvLine_IsNamedWithTheFieldTheFileAndTheLine()
    {
        using var folder = new TemporaryScenarioFolder()
            .With("positions.csv", "x_m,y_m\n10,0\n1,abc\n4\n")
            .With("arrivals.csv", "seconds,device\n0.5,2\n-1,0\n");

        var positions = ScenarioAssert.Problems(PositionsScenario, folder.Files);
        var arrivals = ScenarioAssert.Problems(ArrivalsScenario, folder.Files);

        Assert.Contains("devices.trace = \"positions.csv\" line 3: y_m = \"abc\" is not a finite number", positions, StringComparison.Ordinal);
        Assert.Contains("devices.trace = \"positions.csv\" line 4: expected 2 values (x_m,y_m), got 1", positions, StringComparison.Ordinal);
        Assert.Contains(
            "applications[0].arrivals.trace = \"arrivals.csv\" line 3: seconds = \"-1\" is not a finite number ≥ 0", arrivals, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArrivalForADeviceOutsideTheClass_IsARangeProblem()
    {
        using var folder = new TemporaryScenarioFolder().With("arrivals.csv", "seconds,device\n0.5,3\n");

        ScenarioAssert.Reports(ArrivalsScenario, "applications[0].arrivals.trace has an arrival (0.5 s, device 3)", folder.Files);
    }

    [Fact]
    public void Parse_MissingFiles_AreProblemsNamingTheField()
    {
        using var folder = new TemporaryScenarioFolder();

        var message = ScenarioAssert.Problems(
            """
            { "devices": { "placement": "trace", "trace": "nowhere.csv" },
              "catalog": { "models": [{ "name": "m", "profile": { "path": "missing.json" }, "variants": [{ "name": "full" }] }] },
              "edge": { "slowdownProfile": { "path": "missing.json", "model": "m" } } }
            """,
            folder.Files);

        Assert.Contains("devices.trace = \"nowhere.csv\" could not be read: ", message, StringComparison.Ordinal);
        Assert.Contains("catalog.models[0].profile.path = \"missing.json\" could not be read: Profile file ", message, StringComparison.Ordinal);
        Assert.Contains("edge.slowdownProfile.path = \"missing.json\" could not be read: Profile file ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProfileThatIsNotAProfile_IsAProblemNamingTheField()
    {
        using var folder = new TemporaryScenarioFolder().With("p.json", """{ "schemaVersion": 1, "complete": true, "extra": 1 }""");

        Assert.Contains(
            "edge.slowdownProfile.path = \"p.json\" could not be read: Profile file ",
            ScenarioAssert.Problems("""{ "edge": { "slowdownProfile": { "path": "p.json", "model": "mobilenet" } } }""", folder.Files),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VariantOrModelMissingFromTheProfile_IsNamed()
    {
        using var folder = new TemporaryScenarioFolder().WithExampleProfile("p.json");

        var message = ScenarioAssert.Problems(
            """
            { "catalog": { "models": [{ "name": "mobilenet", "profile": { "path": "p.json" },
                                        "variants": [{ "name": "full" }, { "name": "channel-ls-0.50" }] }] },
              "edge": { "slowdownProfile": { "path": "p.json", "model": "vgg16" } } }
            """,
            folder.Files);

        Assert.Contains(
            "catalog.models[0].variants[1].name = \"channel-ls-0.50\" cannot be read from the profile: The profile's edge role has no 'mobilenet' variant",
            message,
            StringComparison.Ordinal);
        Assert.Contains(
            "edge.slowdownProfile.model = \"vgg16\", variant \"full\": The profile's edge role has no 'vgg16'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProfileModel_DefaultsToTheCatalogName_AndSlowdownVariantToFull()
    {
        using var folder = new TemporaryScenarioFolder().WithExampleProfile("p.json");
        var profile = folder.Files.Profile("p.json");

        var scenario = CellScenarioJson.Parse(
            """
            { "catalog": { "models": [{ "name": "densenet201", "profile": { "path": "p.json" }, "variants": [{ "name": "full" }] },
                                      { "name": "copy", "profile": { "path": "p.json", "model": "mobilenet" }, "variants": [{ "name": "full" }] }] },
              "edge": { "slowdownProfile": { "path": "p.json", "model": "resnet152" } } }
            """,
            folder.Files);

        Assert.Equal(ProfileVariants.Variant(profile, "densenet201", ProfiledModel.FullVariant, null), Assert.Single(scenario.Catalog.Models[0].Variants));
        Assert.Equal(ProfileVariants.Variant(profile, "mobilenet", ProfiledModel.FullVariant, null), Assert.Single(scenario.Catalog.Models[1].Variants));
        Assert.Equal(ProfileVariants.Slowdown(profile, "resnet152", ProfiledModel.FullVariant), scenario.Edge.Slowdown);
    }

    [Fact]
    public void Parse_SlowdownAndSlowdownProfile_AreNotBothAllowed()
    {
        using var folder = new TemporaryScenarioFolder().WithExampleProfile("p.json");

        Assert.Contains(
            "edge.slowdownProfile and slowdown are both given; give one",
            ScenarioAssert.Problems("""{ "edge": { "slowdown": [[0, 1]], "slowdownProfile": { "path": "p.json", "model": "mobilenet" } } }""", folder.Files),
            StringComparison.Ordinal);
    }
}
