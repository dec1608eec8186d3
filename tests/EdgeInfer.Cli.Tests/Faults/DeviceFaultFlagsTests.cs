using System.Text.Json;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Tests.Faults;

/// <summary><c>device --fault-drop/--fault-stall/--fault-seed</c> against a real server, and <c>device --json</c> when the run fails.</summary>
public sealed class DeviceFaultFlagsTests
{
    [Fact]
    public async Task Device_FaultFlags_EveryRequestOnceInTheJsonLog_AndTheTableSaysWhatHappened()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "edgeinfer-fault-tests", Guid.NewGuid().ToString("N"));
        ModelRepository.Open(Path.Combine(root, "repo")).GetOrBuild("mobilenet");
        await using var app = EdgeServer.Build(new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = Path.Combine(root, "repo"),
            MaxConcurrency = 1,
            IntraOpThreads = 1,
            Warmup = false,
        });
        await app.StartAsync(ct);
        try
        {
            string[] args =
            [
                "device", "--edge", app.Urls.First(), "--model", "mobilenet", "--requests", "10", "--strategy", "edge-full", "--no-shaping",
                "--paper-terms-only", "--cache", Path.Combine(root, "device"), "--fault-drop", "0.3", "--fault-stall", "0.2:10", "--fault-seed", "7",
            ];
            var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
            Assert.True(code == 0, stderr);
            using var report = JsonDocument.Parse(stdout);
            var run = report.RootElement.GetProperty("runs")[0];
            var log = run.GetProperty("requestLog").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, 10), log.Select(q => q.GetProperty("id").GetInt32()));
            Assert.All(log, q => Assert.Equal("edge", q.GetProperty("servedBy").GetString()));
            Assert.True(run.GetProperty("drops").GetInt64() > 0);
            Assert.Equal(run.GetProperty("drops").GetInt64(), log.Sum(q => q.GetProperty("drops").GetInt64()));
            Assert.Equal(run.GetProperty("retries").GetInt64(), log.Sum(q => q.GetProperty("retries").GetInt64()));
            Assert.StartsWith("drop 0.3, stall 0.2 × 0.01 s, seed 7", report.RootElement.GetProperty("faults").GetString(), StringComparison.Ordinal);

            var (tableCode, table, _) = CliRunner.Run(args);
            Assert.Equal(0, tableCode);
            Assert.Contains("link faults injected (drop 0.3, stall 0.2 × 0.01 s, seed 7", table, StringComparison.Ordinal);
            Assert.Matches(@"request \d+: served by edge, retries [1-9]", table);
        }
        finally
        {
            await app.StopAsync(ct);
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("--fault-drop", "1", "--fault-drop 1 is outside [0, 1)")]
    [InlineData("--fault-stall", "0.1", "--fault-stall '0.1' is not P:MS")]
    [InlineData("--fault-stall", "2:100", "--fault-stall 2 is outside [0, 1]")]
    public void Device_BadFaultFlag_ExitsTwoNamingIt(string flag, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run("device", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", flag, value);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceJson_NothingListening_PrintsTheErrorAsJsonOnStdout_AndExitsOne()
    {
        var port = EdgeProcess.FreePort();
        var (code, stdout, stderr) = CliRunner.Run(
            "device", "--edge", $"http://127.0.0.1:{port}", "--model", "mobilenet", "--retries", "0", "--json");

        Assert.Equal(1, code);
        using var failure = JsonDocument.Parse(stdout);
        Assert.Equal(1, failure.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("HttpRequestException", failure.RootElement.GetProperty("kind").GetString());
        Assert.Contains("Connection refused", failure.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, failure.RootElement.GetProperty("runs").GetArrayLength());
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }
}
