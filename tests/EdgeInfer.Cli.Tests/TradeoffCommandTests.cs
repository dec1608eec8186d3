using System.Text.Json;
using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Models.Building;
using EdgeInfer.Models.Files;
using EdgeInfer.Pruning.Pipeline;
using Google.Protobuf;

namespace EdgeInfer.Cli.Tests;

public sealed class TradeoffCommandTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("edgeinfer-tradeoff-tests-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Tradeoff_RepositoryModel_MeasuresEachVariantWritesTheFilesAndRecordsTheAccuracy()
    {
        // TinyNetwork marked trained stands in for a classifier: the command path is what is tested, not its accuracy.
        var repo = Import();
        var output = Path.Combine(dir, "out");

        var json = CliRunner.Run(
            "tradeoff", "--model", "tiny", "--repository", repo, "--variants", "full,global-0.50,layer-0.50", "--limit", "8", "--batch-size", "4",
            "--samples", "3", "--warmup", "1", "-o", output, "--record", "--json");

        Assert.True(json.ExitCode == 0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["full", "global-0.50", "layer-0.50"], rows.Select(r => r.GetProperty("variant").GetString()));
        Assert.Equal(1, rows[0].GetProperty("speedup").GetDouble());
        Assert.All(rows, r => Assert.Equal(8, Assert.Single(r.GetProperty("accuracy").EnumerateArray()).GetProperty("images").GetInt32()));
        Assert.Equal(6, rows[0].GetProperty("latency").GetProperty("count").GetInt32());
        foreach (var file in new[] { "tradeoff.csv", "tradeoff.md", "pareto.png", "pareto.svg", "pareto.csv", "pareto-points.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        var recorded = RecordedAccuracy.Read(Path.Combine(repo, "tiny"))!;
        Assert.Equal(["full", "global-0.50", "layer-0.50"], recorded.Variants.Select(r => r.Variant));
        Assert.Equal(rows[1].GetProperty("accuracy")[0].GetProperty("top1").GetDouble(), recorded.Variants[1].Top1);
        Assert.Contains("[2/2] building tiny/layer-0.50", json.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--variants", "full,channel-0.5", "--variants 'channel-0.5' is not a variant name")]
    [InlineData("--samples", "0", "--samples 0 is outside [1, 100000]")]
    [InlineData("--calibration", "/no/such/folder", "--calibration '/no/such/folder' is neither 'default' nor an existing folder")]
    public void Tradeoff_BadValue_ExitsTwoNamingTheFlag(string flag, string value, string expected)
    {
        var repo = Import();

        var (code, stdout, stderr) = CliRunner.Run("tradeoff", "--model", "tiny", "--repository", repo, "--limit", "4", flag, value);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    private string Import()
    {
        var model = TinyNetwork.Build();
        ClassifierMetadata.Set(model, ClassifierMetadata.TrainedKey, "true");
        var file = Path.Combine(dir, "tiny.onnx");
        AtomicFile.WriteAllBytes(file, model.ToByteArray());
        var repo = Path.Combine(dir, "repo");
        Assert.Equal(0, CliRunner.Run("models", "import", file, "--name", "tiny", "--repository", repo, "--json").ExitCode);
        return repo;
    }
}
