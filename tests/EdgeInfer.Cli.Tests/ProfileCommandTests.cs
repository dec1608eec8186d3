using System.Text.Json;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Tests;

/// <summary><c>profile</c>, <c>profile merge</c> and <c>plan --profile</c> through the real entry point.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private static readonly MachineInfo Phone = new("ARM Cortex-A76", 1, 4L << 30, "Android", "1.31.1", ".NET 10.0.0");
    private static readonly MachineInfo Server = new("Intel Xeon", 4, 16L << 30, "Linux", "1.31.1", ".NET 10.0.0");
    private readonly string dir = Directory.CreateTempSubdirectory("edgeinfer-profile-cli-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Profile_MobileNetDeviceRole_WritesCompleteProfileAndOneJsonObject()
    {
        var output = Path.Combine(dir, "device.json");

        var json = RunJsonWithProgress(
            "profile", "--models", "mobilenet", "--role", "device", "--samples", "2", "--warmup", "1",
            "--repository", Path.Combine(dir, "repo"), "-o", output, "--json");

        var profile = ProfileFile.ReadComplete(output);
        Assert.Null(profile.Edge);
        Assert.Equal(2, profile.Device!.Find("mobilenet", "full")!.Measurements[0].Inference.Count);
        Assert.Equal(output, json.GetProperty("output").GetString());
        Assert.True(json.GetProperty("profile").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void Profile_MobileNetPrunedEdgeRole_RecordsPruneSecondsAtEveryLoad()
    {
        var output = Path.Combine(dir, "edge.json");

        RunJsonWithProgress(
            "profile", "--models", "mobilenet", "--role", "edge", "--loads", "0,1", "--samples", "1", "--warmup", "0", "--pf", "0.7",
            "--prune-samples", "1", "--repository", Path.Combine(dir, "repo"), "-o", output, "--json");

        var edge = ProfileFile.ReadComplete(output).Edge!;
        var pruned = edge.Find("mobilenet", "global-0.70")!;
        Assert.Equal(0.7, pruned.PruningFactor);
        Assert.Equal("global", pruned.PruningMethod);
        Assert.All(pruned.Measurements, m => Assert.Equal(1, m.PruneSeconds!.Count));
        Assert.All(edge.Find("mobilenet", "full")!.Measurements, m => Assert.Null(m.PruneSeconds));
        Assert.True(File.Exists(Path.Combine(dir, "repo", "mobilenet", "global-0.70", "model.onnx")));
    }

    [Fact]
    public void Profile_ChannelMacsBudgetDeviceRole_BuildsAndMeasuresTheBudgetedVariant()
    {
        var output = Path.Combine(dir, "budget.json");

        RunJsonWithProgress(
            "profile", "--models", "mobilenet", "--role", "device", "--samples", "1", "--warmup", "0", "--method", "channel",
            "--target-macs", "0.5", "--repository", Path.Combine(dir, "repo"), "-o", output, "--json");

        var budgeted = ProfileFile.ReadComplete(output).Device!.Find("mobilenet", "channel-macs0.50")!;
        Assert.Equal("channel", budgeted.PruningMethod);
        Assert.Equal(0, budgeted.PruningFactor);
        Assert.Equal(1, budgeted.Measurements[0].Inference.Count);
        var metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "repo", "mobilenet", "channel-macs0.50", "metadata.json"))).RootElement;
        Assert.True(metadata.GetProperty("macs").GetInt64() <= 0.5 * JsonDocument.Parse(
            File.ReadAllBytes(Path.Combine(dir, "repo", "mobilenet", "full", "metadata.json"))).RootElement.GetProperty("macs").GetInt64());
    }

    [Theory]
    [InlineData("--role", "cloud", "--role 'cloud'")]
    [InlineData("--loads", "0,x", "'x'")]
    [InlineData("--models", "vgg16", "Unknown model 'vgg16'")]
    [InlineData("--samples", "0", "samples 0")]
    public void Profile_BadInput_ExitsTwoNamingIt(string option, string value, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("profile", option, value, "--repository", Path.Combine(dir, "repo"), "-o", Path.Combine(dir, "x.json"));

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
        Assert.False(File.Exists(Path.Combine(dir, "x.json")));
    }

    [Fact]
    public void Merge_DeviceAndEdgeFiles_WritesBothRoles()
    {
        var device = Write("device.json", new ProfileDocument { Complete = true, Device = Role(Phone, [0], Model("mobilenet", "full", (0, 0.1))) });
        var edge = Write("edge.json", new ProfileDocument { Complete = true, Edge = Role(Server, [0, 10], Model("mobilenet", "full", (0, 0.02), (10, 0.12))) });
        var merged = Path.Combine(dir, "both.json");

        var json = CliRunner.RunJson("profile", "merge", device, edge, "-o", merged, "--json");

        var profile = ProfileFile.ReadComplete(merged);
        Assert.Equal(Phone, profile.Device!.Machine);
        Assert.Equal(Server, profile.Edge!.Machine);
        Assert.Equal("ARM Cortex-A76", json.GetProperty("profile").GetProperty("device").GetProperty("machine").GetProperty("cpuModel").GetString());
    }

    [Fact]
    public void Merge_TwoDeviceProfilesOfDifferentMachines_ExitsTwo()
    {
        var a = Write("a.json", new ProfileDocument { Complete = true, Device = Role(Phone, [0], Model("mobilenet", "full", (0, 0.1))) });
        var b = Write("b.json", new ProfileDocument { Complete = true, Device = Role(Server, [0], Model("resnet152", "full", (0, 0.1))) });

        var (code, _, stderr) = CliRunner.Run("profile", "merge", a, b, "-o", Path.Combine(dir, "m.json"));

        Assert.Equal(2, code);
        Assert.Contains("different machines", stderr);
        Assert.False(File.Exists(Path.Combine(dir, "m.json")));
    }

    [Fact]
    public void Plan_ProfileAtUnmeasuredLoad_InterpolatesEdgeTimes()
    {
        var json = CliRunner.RunJson(
            "plan", "--profile", Both(), "--model", "mobilenet", "--pf", "0.7", "--edge-load", "5", "--requests", "50", "--distance", "100",
            "--json");

        Assert.False(json.GetProperty("extrapolated").GetBoolean());
        Assert.Equal(0.07, json.GetProperty("estimates").GetProperty("edgeFull").GetProperty("seconds").GetDouble(), 12);
        Assert.Equal("interpolated", json.GetProperty("estimates").GetProperty("edgeFull").GetProperty("kind").GetString());
        var plan = json.GetProperty("plan");
        Assert.Equal(5, plan.GetProperty("edgeLoad").GetDouble());
        Assert.Equal(50, plan.GetProperty("requests").GetInt64());
        var edgeFull = plan.GetProperty("options")[0];
        Assert.Equal("edge-full", edgeFull.GetProperty("strategy").GetString());
        Assert.True(edgeFull.GetProperty("cycleDelaySeconds").GetDouble() > 0.07);
    }

    [Fact]
    public void Plan_ProfileWithPfZero_PlansTheFullModelAsItsOwnPrunedVariant()
    {
        var json = CliRunner.RunJson(
            "plan", "--profile", Both(), "--model", "mobilenet", "--pf", "0", "--edge-load", "5", "--requests", "50", "--distance", "100", "--json");

        var estimates = json.GetProperty("estimates");
        var full = estimates.GetProperty("edgeFull").GetProperty("seconds").GetDouble();
        Assert.Equal(full, estimates.GetProperty("edgePruned").GetProperty("seconds").GetDouble());
        Assert.Equal(0, estimates.GetProperty("prune").GetProperty("seconds").GetDouble());
    }

    [Fact]
    public void Plan_ProfileBeyondMeasuredLoad_ErrorsUnlessExtrapolate()
    {
        var profile = Both();

        var (code, _, stderr) = CliRunner.Run("plan", "--profile", profile, "--model", "mobilenet", "--edge-load", "40");
        var json = CliRunner.RunJson("plan", "--profile", profile, "--model", "mobilenet", "--edge-load", "40", "--extrapolate", "--json");

        Assert.Equal(2, code);
        Assert.Contains("--extrapolate", stderr);
        Assert.True(json.GetProperty("extrapolated").GetBoolean());
        Assert.Equal("extrapolated", json.GetProperty("estimates").GetProperty("edgeFull").GetProperty("kind").GetString());
    }

    [Fact]
    public void Plan_ProfileReadableOutput_MarksExtrapolationAndPrintsThresholds()
    {
        var (planCode, plan, _) = CliRunner.Run("plan", "--profile", Both(), "--model", "mobilenet", "--edge-load", "40", "--extrapolate");
        var (sweepCode, sweep, _) = CliRunner.Run("plan", "--profile", Both(), "--model", "mobilenet", "--sweep-load", "0:20:5");

        Assert.Equal(0, planCode);
        Assert.Contains("EXTRAPOLATED", plan);
        Assert.Contains("edge-full", plan);
        Assert.Equal(0, sweepCode);
        Assert.Contains("device inference faster than edge inference above load: full 8, pruned 10", sweep);
    }

    [Theory]
    [InlineData("0:10", "FROM:TO:STEP")]
    [InlineData("10:0:1", "FROM ≤ TO")]
    [InlineData("0:10:0", "STEP > 0")]
    public void Plan_BadSweep_ExitsTwo(string sweep, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("plan", "--profile", Both(), "--model", "mobilenet", "--sweep-load", sweep);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Plan_NeitherScenarioNorProfile_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("plan");

        Assert.Equal(2, code);
        Assert.Contains("--scenario", stderr);
    }

    [Theory]
    [InlineData("resnet152", "0.7", "'resnet152'")]
    [InlineData("mobilenet", "0.5", "'global-0.50'")]
    public void Plan_ProfileWithoutModelOrVariant_ExitsTwoNamingIt(string model, string pf, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("plan", "--profile", Both(), "--model", model, "--pf", pf, "--edge-load", "1");

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Plan_PfZero_PlansTheFullModelAsItsOwnPrunedVariantWithoutPruning()
    {
        var json = CliRunner.RunJson("plan", "--profile", Both(), "--model", "mobilenet", "--pf", "0", "--edge-load", "5", "--json");

        Assert.Equal("full", json.GetProperty("profile").GetProperty("prunedVariant").GetString());
        Assert.Equal(0, json.GetProperty("estimates").GetProperty("prune").GetProperty("seconds").GetDouble());
        Assert.Equal(
            json.GetProperty("estimates").GetProperty("edgeFull").GetProperty("seconds").GetDouble(),
            json.GetProperty("estimates").GetProperty("edgePruned").GetProperty("seconds").GetDouble());
    }

    [Fact]
    public void Plan_SweepLoad_ListsEveryLoadAndTheInferenceThreshold()
    {
        var json = CliRunner.RunJson("plan", "--profile", Both(), "--model", "mobilenet", "--sweep-load", "0:20:5", "--json");

        var loads = json.GetProperty("loads").EnumerateArray().ToList();
        Assert.Equal([0.0, 5, 10, 15, 20], loads.Select(l => l.GetProperty("load").GetDouble()));
        Assert.All(loads, l => Assert.Equal(6, l.GetProperty("cycleDelaySeconds").EnumerateObject().Count()));
        Assert.Equal(8, json.GetProperty("thresholds").GetProperty("inferenceFull").GetDouble(), 6);
        Assert.Equal(10, json.GetProperty("thresholds").GetProperty("inferencePruned").GetDouble(), 6);
        Assert.False(json.GetProperty("extrapolated").GetBoolean());
    }

    /// <summary>Like <see cref="CliRunner.RunJson"/> for commands that report progress on stderr: exit 0 and exactly one JSON object on stdout.</summary>
    private static JsonElement RunJsonWithProgress(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    private string Both() => Write("both.json", new ProfileDocument
    {
        Complete = true,
        Device = Role(Phone, [0], Model("mobilenet", "full", (0, 0.10)), Pruned((0, 0.06, 0))),
        Edge = Role(
            Server,
            [0, 10, 20],
            Model("mobilenet", "full", (0, 0.02), (10, 0.12), (20, 0.22)),
            Pruned((0, 0.01, 1.0), (10, 0.06, 2.0), (20, 0.11, 3.0))),
    });

    private string Write(string name, ProfileDocument profile)
    {
        var path = Path.Combine(dir, name);
        ProfileFile.Write(path, profile);
        return path;
    }

    private static LatencyStatistics Stats(double median) => LatencyStatistics.From([median]);

    private static ProfiledModel Model(string name, string variant, params (int Load, double Median)[] points) => new()
    {
        Model = name,
        Variant = variant,
        SizeBytes = 16_900_000,
        Measurements = points.Select(p => new LoadMeasurement { Load = p.Load, Inference = Stats(p.Median) }).ToArray(),
    };

    private static ProfiledModel Pruned(params (int Load, double Median, double Prune)[] points) => new()
    {
        Model = "mobilenet",
        Variant = "global-0.70",
        PruningFactor = 0.7,
        PruningMethod = "global",
        SizeBytes = 5_600_000,
        Measurements = points.Select(p => new LoadMeasurement { Load = p.Load, Inference = Stats(p.Median), PruneSeconds = Stats(p.Prune) }).ToArray(),
    };

    private static RoleProfile Role(MachineInfo machine, int[] loads, params ProfiledModel[] models) => new()
    {
        Machine = machine,
        MeasuredAtUtc = DateTimeOffset.UnixEpoch,
        Settings = new ProfileSettings { Samples = 1, WarmupRuns = 0, IntraOpThreads = machine.LogicalCores, AllowSpinning = true, Loads = loads },
        Models = models,
    };
}
