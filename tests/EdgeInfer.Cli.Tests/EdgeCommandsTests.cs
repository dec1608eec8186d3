using EdgeInfer.Edge.Hosting;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Tests;

public sealed class EdgeCommandsTests
{
    [Theory]
    [InlineData("serve", "--max-concurrency", "0", "--urls", "http://127.0.0.1:0")]
    [InlineData("serve", "--urls", "ftp://nowhere")]
    [InlineData("device", "--edge", "not a url", "--model", "mobilenet")]
    [InlineData("device", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--strategy", "cloud")]
    [InlineData("device", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--pf", "1.5")]
    [InlineData("device", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--min-top1", "1.5")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--concurrency", "0", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--requests", "5", "--duration", "2s")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--duration", "soon")]
    [InlineData("loadgen", "--model", "mobilenet", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--in-process", "--model", "mobilenet", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--arrivals", "burst", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--arrivals", "poisson", "--devices", "0", "--rate", "1", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--arrivals", "poisson", "--devices", "2", "--rate", "0", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--devices", "2", "--rate", "1", "--requests", "1")]
    [InlineData("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--samples-csv", "x.csv", "--requests", "1")]
    public void Command_BadArgument_ExitsTwoNamingIt(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Loadgen_PoissonWithoutDevicesAndRate_NamesBothFlags()
    {
        var (code, _, stderr) = CliRunner.Run("loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--arrivals", "poisson", "--requests", "5");

        Assert.Equal(2, code);
        Assert.Contains("--arrivals poisson needs --devices", stderr, StringComparison.Ordinal);
        Assert.Contains("--arrivals poisson needs --rate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadgenAndDevice_AgainstRealServer_PrintOneJsonObject()
    {
        var root = Path.Combine(Path.GetTempPath(), "edgeinfer-cli-edge", Guid.NewGuid().ToString("N"));
        ModelRepository.Open(Path.Combine(root, "repo")).GetOrBuild("mobilenet");
        await using var app = EdgeServer.Build(new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = Path.Combine(root, "repo"),
            MaxConcurrency = 2,
            IntraOpThreads = 1,
            Warmup = false,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var url = app.Urls.First();
            var load = CliRunner.RunJson("loadgen", "--edge", url, "--model", "mobilenet", "--concurrency", "2", "--requests", "6", "--json");
            Assert.Equal(6, load.GetProperty("succeeded").GetInt32());
            Assert.True(load.GetProperty("throughputPerSecond").GetDouble() > 0);
            Assert.Equal(6, load.GetProperty("byStatus").GetProperty("200").GetInt32());
            Assert.Equal("closed", load.GetProperty("arrivals").GetString());

            // Open loop: 2 devices at 2 requests/s each, far below capacity; every request answered, its samples written.
            var csv = Path.Combine(root, "samples.csv");
            var open = CliRunner.RunJson(
                "loadgen", "--edge", url, "--model", "mobilenet", "--arrivals", "poisson", "--devices", "2", "--rate", "2", "--requests", "6",
                "--samples-csv", csv, "--json");
            Assert.Equal("poisson", open.GetProperty("arrivals").GetString());
            Assert.Equal(6, open.GetProperty("succeeded").GetInt32());
            Assert.Equal(0, open.GetProperty("errors").GetInt32());
            Assert.Equal(0, open.GetProperty("rejected").GetInt32());
            Assert.Equal(4, open.GetProperty("offeredRatePerSecond").GetDouble());
            Assert.True(open.GetProperty("meanSeconds").GetDouble() > 0);
            Assert.Equal(7, File.ReadAllLines(csv).Length);

            // The same load against the server's inference step in process (no HTTP): same answers, no listener needed.
            var local = CliRunner.RunJson(
                "loadgen", "--in-process", "--repository", Path.Combine(root, "repo"), "--max-concurrency", "2", "--intra-op-threads", "1",
                "--model", "mobilenet", "--concurrency", "2", "--requests", "6", "--json");
            Assert.Equal(6, local.GetProperty("succeeded").GetInt32());
            Assert.Equal(6, local.GetProperty("byStatus").GetProperty("200").GetInt32());
            var localOpen = CliRunner.RunJson(
                "loadgen", "--in-process", "--repository", Path.Combine(root, "repo"), "--max-concurrency", "2", "--intra-op-threads", "1",
                "--model", "mobilenet", "--arrivals", "poisson", "--devices", "2", "--rate", "2", "--requests", "4", "--json");
            Assert.Equal(4, localOpen.GetProperty("succeeded").GetInt32());
            var (unknownCode, _, unknownError) = CliRunner.Run(
                "loadgen", "--in-process", "--repository", Path.Combine(root, "repo"), "--model", "vgg", "--requests", "1");
            Assert.Equal(2, unknownCode);
            Assert.Contains("'vgg' is not in the repository", unknownError, StringComparison.Ordinal);

            var (code, stdout, _) = CliRunner.Run(
                "device", "--edge", url, "--model", "mobilenet", "--requests", "2", "--strategy", "edge-full", "--no-shaping",
                "--cache", Path.Combine(root, "device"), "--json");
            Assert.Equal(0, code);
            using var report = System.Text.Json.JsonDocument.Parse(stdout);
            var run = report.RootElement.GetProperty("runs")[0];
            Assert.Equal("edge-full", run.GetProperty("strategy").GetString());
            Assert.Equal(2, run.GetProperty("completed").GetInt32());
            Assert.True(run.GetProperty("measured").GetProperty("cycleDelaySeconds").GetDouble() > 0);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            Directory.Delete(root, recursive: true);
        }
    }
}
