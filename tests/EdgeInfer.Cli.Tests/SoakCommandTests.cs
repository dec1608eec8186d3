using System.Text.Json;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Tests;

public sealed class SoakCommandTests
{
    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--mix", "chaos")]
    [InlineData("--prune-grid", "0.5,1.5")]
    [InlineData("--window", "10m")]
    public void Soak_BadFlag_ExitsTwoNamingIt(string flag, string value)
    {
        string[] args = ["soak", "--edge", "http://127.0.0.1:1", "--rate", "5", "--duration", "5s", "--window", "1s", "--warmup", "0", "--out", "x"];
        var i = Array.IndexOf(args, flag);
        var (code, _, stderr) = CliRunner.Run(i >= 0 ? [.. args[..(i + 1)], value, .. args[(i + 2)..]] : [.. args, flag, value]);
        Assert.Equal(2, code);
        Assert.Contains(flag, stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A 4-second soak at 10 requests/s against a real server (this process, so its RSS is this process's): the files and
    /// the figure are written, every request kind is sent, and every malformed one is answered with a 4xx.
    /// </summary>
    [Fact]
    public async Task Soak_ShortRunAgainstRealServer_WritesFilesAndMalformedGet4xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "edgeinfer-cli-soak", Guid.NewGuid().ToString("N"));
        ModelRepository.Open(Path.Combine(root, "repo")).GetOrBuild("mobilenet");
        await using var app = EdgeServer.Build(new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = Path.Combine(root, "repo"),
            MaxConcurrency = 2,
            IntraOpThreads = 1,
            Warmup = false,
        });
        await app.StartAsync(ct);
        try
        {
            var output = Path.Combine(root, "out");
            var (code, stdout, stderr) = CliRunner.Run(
                "soak", "--edge", app.Urls.First(), "--rate", "10", "--duration", "4s", "--window", "1s", "--warmup", "0",
                "--server-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prune-grid", "0.5",
                "--seed", "3", "--out", output, "--json");
            Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
            using var report = JsonDocument.Parse(stdout);
            var root0 = report.RootElement;
            Assert.InRange(root0.GetProperty("requests").GetInt32(), 20, 80);
            Assert.Equal(4, root0.GetProperty("windows").GetArrayLength());
            Assert.True(root0.GetProperty("windows")[0].GetProperty("rssBytes").GetDouble() > 1e6);
            var checks = root0.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
            Assert.True(checks["every malformed request answered 4xx"].GetProperty("passed").GetBoolean(),
                checks["every malformed request answered 4xx"].GetProperty("detail").GetString());
            Assert.True(checks["queue never above its limit"].GetProperty("passed").GetBoolean());
            Assert.True(root0.GetProperty("byKind").GetProperty("infer-tensor").GetProperty("200").GetInt32() > 0);
            foreach (var file in new[] { "soak.json", "soak.png", "soak.svg", "soak.csv", "soak-windows.csv", "soak-samples.csv" })
            {
                Assert.True(new FileInfo(Path.Combine(output, file)).Length > 0, file);
            }

            Assert.Equal(root0.GetProperty("requests").GetInt32() + 1, File.ReadAllLines(Path.Combine(output, "soak-samples.csv")).Length);
        }
        finally
        {
            await app.StopAsync(ct);
            Directory.Delete(root, recursive: true);
        }
    }
}
