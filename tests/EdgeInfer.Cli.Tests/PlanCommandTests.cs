using System.Text.Json;

namespace EdgeInfer.Cli.Tests;

public sealed class PlanCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("edgeinfer-plan-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string content, string name = "scenario.json")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Plan_ExampleJson_HasOptionsChosenAndBreakEven()
    {
        var json = CliRunner.RunJson("plan", "--scenario", CliRunner.ExampleScenario, "--json");
        var options = json.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(
            ["edge-full", "edge-prepruned", "edge-ondemand", "device-full", "device-prepruned", "device-ondemand"],
            options.Select(o => o.GetProperty("strategy").GetString()));
        Assert.Equal(
            ["strategy", "cycleDelaySeconds", "lifetimeDelaySeconds", "deviceEnergyJoules", "edgeEnergyJoules", "exchangedBytes", "feasible", "reasons"],
            options[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("device-prepruned", json.GetProperty("chosen").GetString());
        Assert.Equal(1.52884245376, options[4].GetProperty("lifetimeDelaySeconds").GetDouble(), 1e-9);
        Assert.Equal(15_100_000, options[0].GetProperty("exchangedBytes").GetInt64());
        Assert.False(options[2].GetProperty("feasible").GetBoolean());
        Assert.Contains("maxCycleDelaySeconds", options[2].GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, options[0].GetProperty("reasons").GetArrayLength());

        var breakEven = json.GetProperty("breakEven").EnumerateArray().ToList();
        Assert.Equal(["device-full", "device-prepruned", "device-ondemand"], breakEven.Select(b => b.GetProperty("strategy").GetString()));
        Assert.Equal(6, breakEven[2].GetProperty("delay").GetInt64());
        Assert.Equal(JsonValueKind.Null, breakEven[2].GetProperty("energy").ValueKind);
        Assert.Equal(19, breakEven[2].GetProperty("data").GetInt64());
    }

    [Fact]
    public void Plan_NoneFeasible_ChosenIsNullWithExplanation()
    {
        var path = Write("""{ "constraints": { "minTop1": 0.95 } }""");
        var json = CliRunner.RunJson("plan", "--scenario", path, "--json");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("chosen").ValueKind);
        Assert.StartsWith("No strategy meets every constraint.", json.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MinTop1Flag_RulesOutThePrunedVariant_NamesIt_AndChoosesTheFullModel()
    {
        // The example picks device-prepruned; with the pruned variant at Top-1 0.311 and --min-top1 0.8 it must not, and the
        // full model must still be chosen.
        var path = Write(File.ReadAllText(CliRunner.ExampleScenario).Replace(
            "\"pruned\": {", "\"pruned\": { \"variant\": \"channel-0.30\", \"top1\": 0.311,", StringComparison.Ordinal).Replace(
            "\"top1\": 0.68", "\"top5\": 0.9", StringComparison.Ordinal).Replace("\"top1\": 0.70", "\"top1\": 0.848", StringComparison.Ordinal));

        var (code, stdout, stderr) = CliRunner.Run("plan", "--scenario", path, "--min-top1", "0.8");

        Assert.True(code == 0, stderr);
        Assert.Contains("Chosen: device-full.", stdout, StringComparison.Ordinal);
        Assert.Contains("no: top1 0.311 of the pruned model channel-0.30 < minTop1 0.8", stdout, StringComparison.Ordinal);
        Assert.Contains("Ruled out by accuracy: the pruned model channel-0.30 (top1 0.311 < minTop1 0.8).", stdout, StringComparison.Ordinal);
        // The flag replaces the scenario's minTop1 (0.6) either way: at 0.3 the pruned variant is allowed again.
        Assert.Equal("device-prepruned", CliRunner.RunJson("plan", "--scenario", path, "--min-top1", "0.3", "--json").GetProperty("chosen").GetString());
    }

    [Theory]
    [InlineData("--min-top1", "80")]
    [InlineData("--min-top5", "-0.1")]
    [InlineData("--min-top1", "high")]
    public void Plan_MinAccuracyNotAFraction_ExitsTwoNamingTheFlag(string flag, string value)
    {
        var (code, _, stderr) = CliRunner.Run("plan", "--scenario", CliRunner.ExampleScenario, flag, value);

        Assert.Equal(2, code);
        Assert.Contains($"{flag} '{value}' is not a fraction in [0, 1]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RadioFlags_OverrideTheScenario()
    {
        var json = CliRunner.RunJson("plan", "--scenario", CliRunner.ExampleScenario, "--json", "--distance", "300", "--condition", "nlos");
        var radio = json.GetProperty("radio");
        Assert.Equal(300, radio.GetProperty("distanceMeters").GetDouble());
        Assert.Equal("nlos", radio.GetProperty("condition").GetString());
        Assert.Equal(129899161.230223, radio.GetProperty("uplinkBitsPerSecond").GetDouble(), 1e-3);
    }

    [Fact]
    public void Plan_ScenarioRadio_IsUsed()
    {
        var path = Write("""{ "radio": { "distanceMeters": 300, "condition": "nlos" } }""");
        Assert.Equal(
            365554727.319635,
            CliRunner.RunJson("plan", "--scenario", path, "--json").GetProperty("radio").GetProperty("downlinkBitsPerSecond").GetDouble(),
            1e-3);
    }

    [Fact]
    public void Plan_Text_IsATableWithUnits()
    {
        var (code, stdout, stderr) = CliRunner.Run("plan", "--scenario", CliRunner.ExampleScenario);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        string[] expected =
        [
            "cycle [s]", "lifetime [s]", "device [J]", "edge [J]", "data [MB]", "*device-prepruned", "Chosen: device-prepruned", "Break-even",
            "never", "Mb/s",
        ];
        foreach (var text in expected)
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{ "radio": { "distanceMeters": 100, "colour": "red" } }""", "radio.colour is not a known field")]
    [InlineData("""{ "model": { "full": { "sizeBytes": -16900000 } } }""", "model.full.sizeBytes = -16900000 must not be negative")]
    [InlineData("""{ "workload": { "inputBytes": -1 } }""", "workload.inputBytes = -1 must not be negative")]
    [InlineData("""{ "radio": { "distanceMeters": 9 } }""", "radio.distanceMeters = 9 m is outside")]
    [InlineData("""{ "radio": { "distanceMeters": 5001 } }""", "radio.distanceMeters = 5001 m is outside")]
    [InlineData("""{ "radio": { "deviceHeightMeters": 25 } }""", "radio.deviceHeightMeters = 25 m is outside")]
    [InlineData("""{ "workload": { "requests": 0 } }""", "workload.requests = 0 must be between 1")]
    [InlineData("""{ "model": { "pruned": { "top1": 1.2 } } }""", "model.pruned.top1 = 1.2 must be in [0, 1]")]
    [InlineData("""{ "objective": "speed" }""", "objective = \"speed\" is not one of latency, energy, data")]
    [InlineData("", "scenario.json: the scenario is empty")]
    [InlineData("this is not json", "scenario.json: the scenario is not valid JSON")]
    [InlineData("[]", "the scenario must be a JSON object")]
    public void Plan_BadScenario_ExitsTwoNamingTheField(string content, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("plan", "--scenario", Write(content), "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Plan_FlagOutOfRange_ExitsTwoNamingTheField()
    {
        var (code, _, stderr) = CliRunner.Run("plan", "--scenario", CliRunner.ExampleScenario, "--distance", "6000");
        Assert.Equal(2, code);
        Assert.Contains("radio.distanceMeters = 6000 m is outside", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MissingFile_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("plan", "--scenario", Path.Combine(dir, "nope.json"));
        Assert.Equal(2, code);
        Assert.Contains("nope.json' does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WithoutScenario_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("plan");
        Assert.Equal(2, code);
        Assert.Contains("--scenario", stderr, StringComparison.Ordinal);
    }
}
