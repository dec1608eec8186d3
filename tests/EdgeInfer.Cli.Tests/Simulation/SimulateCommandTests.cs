using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace EdgeInfer.Cli.Tests.Simulation;

/// <summary><c>edgeinfer simulate</c> run in-process on a small scenario (50 devices, 60 s) written to a temporary folder.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private const string Scenario = """
        {
          // a small cell: two policies, LRU only
          "devices": { "count": 50 },
          "durationSeconds": 60,
          "warmupSeconds": 10,
          "policies": ["always-device", "joint"]
        }
        """;

    private static readonly string[] Figure = ["delay-cdf.png", "delay-cdf.svg", "delay-cdf.csv"];
    private static readonly string[] Extensions = [".png", ".svg", ".csv"];
    private static readonly string[] SweepFigures =
        ["delay-vs-devices", "energy-vs-devices", "hit-rate-vs-capacity", "joint-delay-gain-vs-devices", "joint-energy-gain-vs-devices"];

    private readonly string dir = Directory.CreateTempSubdirectory("edgeinfer-simulate-tests-").FullName;

    public SimulateCommandTests() => File.WriteAllText(ScenarioPath, Scenario);

    private string ScenarioPath => Path.Combine(dir, "cell.json");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Simulate_SmallScenario_WritesSummaryRunJsonAndFigures()
    {
        var output = Path.Combine(dir, "out");

        var (code, stdout, stderr) = CliRunner.Run("simulate", "--scenario", ScenarioPath, "-o", output);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var csv = Csv(output);
        Assert.Equal(3, csv.Count);
        Assert.Equal("point,policy,eviction,replications,requests,meanDelaySeconds", string.Join(",", csv[0].Take(6)));
        Assert.DoesNotContain(csv[0], c => c.EndsWith("_ci95", StringComparison.Ordinal));
        Assert.Equal(["always-device", "joint"], csv.Skip(1).Select(r => r[1]));
        Assert.All(csv.Skip(1), r => Assert.Equal("lru", r[2]));
        Assert.All(csv.Skip(1), r => Assert.True(long.Parse(r[4], CultureInfo.InvariantCulture) > 0));
        Assert.All(Figure, f => Assert.True(new FileInfo(Path.Combine(output, f)).Length > 0, f));
        Assert.Contains("wrote", stdout, StringComparison.Ordinal);
        Assert.Contains("run 2/2", stderr, StringComparison.Ordinal);

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        var root = run.RootElement;
        Assert.Equal(1UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(1, root.GetProperty("replications").GetInt32());
        Assert.Equal(50, root.GetProperty("scenario").GetProperty("devices").GetProperty("count").GetInt32());
        Assert.Equal(csv.Skip(1).Sum(r => long.Parse(r[4], CultureInfo.InvariantCulture)), root.GetProperty("simulatedRequests").GetInt64());
        Assert.True(root.GetProperty("simulatedEvents").GetInt64() > 0);
        Assert.True(root.GetProperty("requestsPerWallSecond").GetDouble() > 0);
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machineCores").GetInt32());
        Assert.Contains("summary.csv", root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp*"));
    }

    [Fact]
    public void Simulate_SameSeed_IdenticalSummary_OtherSeed_Differs()
    {
        string Summary(string name, string seed)
        {
            var output = Path.Combine(dir, name);
            var (code, _, stderr) = CliRunner.Run("simulate", "--scenario", ScenarioPath, "-o", output, "--seed", seed, "--replications", "2");
            Assert.True(code == 0, $"exit {code}: {stderr}");
            return File.ReadAllText(Path.Combine(output, "summary.csv"));
        }

        var first = Summary("a", "7");

        Assert.Equal(first, Summary("b", "7"));
        Assert.NotEqual(first, Summary("c", "8"));
        Assert.Contains("meanDelaySeconds_ci95", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_TwoSweeps_OneRowPerPointAndPolicy_AndTheSweepFigures()
    {
        var output = Path.Combine(dir, "sweep");

        var (code, _, stderr) = CliRunner.Run(
            "simulate", "--scenario", ScenarioPath, "-o", output, "--sweep", "devices.count=10:40:x2", "--sweep", "edge.store.capacityBytes=0,6e6");

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var csv = Csv(output);
        Assert.Equal(["point", "devices.count", "edge.store.capacityBytes", "policy"], csv[0].Take(4));
        Assert.Equal(1 + (3 * 2 * 2), csv.Count);
        Assert.Equal(["10", "10", "10", "10", "20", "20", "20", "20", "40", "40", "40", "40"], csv.Skip(1).Select(r => r[1]));
        Assert.Equal(["0", "0", "6000000", "6000000"], csv.Skip(1).Take(4).Select(r => r[2]));
        foreach (var name in SweepFigures)
        {
            Assert.All(Extensions, ext => Assert.True(File.Exists(Path.Combine(output, name + ext)), name + ext));
        }

        using var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.Equal(6, run.RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal("devices.count=10:40:x2", run.RootElement.GetProperty("sweeps")[0].GetString());
        Assert.Equal(10, run.RootElement.GetProperty("scenario").GetProperty("devices").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Simulate_Trace_ParquetRowsEqualTheSummaryRequests()
    {
        var output = Path.Combine(dir, "trace");

        var (code, _, stderr) = CliRunner.Run("simulate", "--scenario", ScenarioPath, "-o", output, "--trace", "--policies", "joint");

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var requests = long.Parse(Csv(output)[1][4], CultureInfo.InvariantCulture);
        var path = Path.Combine(output, "trace-joint-lru-0-0.parquet");
        var ct = TestContext.Current.CancellationToken;
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        Assert.Equal(requests, reader.RowGroups.Sum(g => g.RowCount));
        Assert.Contains("modelName", reader.Schema.DataFields.Select(f => f.Name));
        Assert.Contains("variantName", reader.Schema.DataFields.Select(f => f.Name));

        var field = (DataField)reader.Schema.DataFields.First(f => f.Name == "modelName");
        var names = new string?[(int)reader.RowGroups[0].RowCount];
        await reader.RowGroups[0].ReadAsync(field, names.AsMemory(), cancellationToken: ct);
        Assert.All(names, n => Assert.Equal("mobilenet", n));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp*"));
    }

    [Fact]
    public void Simulate_Json_PrintsTheSummaryRows()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--scenario", ScenarioPath, "-o", Path.Combine(dir, "json"), "--json");

        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["always-device", "joint"], rows.Select(r => r.GetProperty("policy").GetString()));
        Assert.True(rows[1].GetProperty("requests").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("deadlineMissRate").ValueKind);
    }

    [Theory]
    [InlineData("devices.count", "--sweep 'devices.count': expected key=a:b:step")]
    [InlineData("devices.count=5:1:1", "--sweep 'devices.count=5:1:1': the end 1 is below the start 5")]
    [InlineData("devices.count=0,10", "devices.count = 0 must be between 1 and")]
    [InlineData("devices.cnt=3", "devices.cnt is not a known field")]
    public void Simulate_BadSweep_ExitsTwoNamingIt_AndLeavesNoOutput(string sweep, string message)
    {
        var output = Path.Combine(dir, "bad");

        var (code, stdout, stderr) = CliRunner.Run("simulate", "--scenario", ScenarioPath, "-o", output, "--sweep", sweep);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Simulate_BadScenarioField_ExitsTwoNamingThePath_AndLeavesNoOutput()
    {
        File.WriteAllText(ScenarioPath, """{ "devices": { "count": 50 }, "edge": { "store": { "capacityBytes": -1 } } }""");
        var output = Path.Combine(dir, "bad");

        var (code, _, stderr) = CliRunner.Run("simulate", "--scenario", ScenarioPath, "-o", output);

        Assert.Equal(2, code);
        Assert.Contains("cell.json: ", stderr, StringComparison.Ordinal);
        Assert.Contains("edge.store.capacityBytes", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--policies", "greedy", "--policies 'greedy' is not a placement policy")]
    [InlineData("--replications", "0", "--replications 0 must be between 1 and")]
    [InlineData("--scenario", "missing.json", "--scenario 'missing.json' does not exist")]
    public void Simulate_BadFlag_ExitsTwoNamingIt(string flag, string value, string message)
    {
        var output = Path.Combine(dir, "bad");
        string[] args = flag == "--scenario" ? ["simulate", flag, value, "-o", output] : ["simulate", "--scenario", ScenarioPath, "-o", output, flag, value];

        var (code, _, stderr) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private static List<string[]> Csv(string output) =>
        [.. File.ReadAllLines(Path.Combine(output, "summary.csv")).Select(l => l.Split(','))];
}
