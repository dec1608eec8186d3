using System.Text.Json;
using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Models.Files;
using Google.Protobuf;

namespace EdgeInfer.Cli.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private static readonly string[] ChartFormats = ["csv", "png", "svg"];

    private readonly string dir = Path.Combine(Path.GetTempPath(), "edgeinfer-evaluate-" + Guid.NewGuid().ToString("N"));

    public EvaluateCommandTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Evaluate_UntrainedCatalogModel_IsRefusedWithTheReason()
    {
        var repo = Path.Combine(dir, "repo");
        Assert.Equal(0, CliRunner.Run("models", "build", "mobilenet", "--repository", repo, "--json").ExitCode);

        var (code, stdout, stderr) = CliRunner.Run("evaluate", "--model", "mobilenet", "--repository", repo, "--json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("untrained", stderr);
        Assert.Contains("chance", stderr);
    }

    [Fact]
    public void Evaluate_DefaultClassifierInANewRepository_BuildsItFirst()
    {
        var repo = Path.Combine(dir, "new-repo");

        var (code, stdout, stderr) = CliRunner.Run(
            "evaluate", "--model", DefaultClassifier.Name, "--repository", repo, "--pf", "0", "--limit", "8", "--batch-size", "4", "--json");

        Assert.True(code == 0, stderr);
        Assert.Contains($"building {DefaultClassifier.Name}", stderr);
        Assert.True(File.Exists(Path.Combine(repo, DefaultClassifier.Name, "full", "model.onnx")));
        Assert.Equal(8, JsonDocument.Parse(stdout).RootElement.GetProperty("points")[0].GetProperty("images").GetInt32());
    }

    [Theory]
    [InlineData("--pf", "0,1.5", "--pf value '1.5'")]
    [InlineData("--method", "random", "not one of global, layer, channel")]
    public void Evaluate_BadOption_ExitsWith2NamingIt(string option, string value, string expected)
    {
        var (code, _, stderr) = CliRunner.Run("evaluate", "--model", "whatever.onnx", option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Evaluate_TrainedModelFile_PrintsOneJsonObjectAndWritesCsvPngSvg()
    {
        // A stitched classifier with a random head, labelled trained: the command path is what is tested, not the accuracy.
        var random = new Random(3);
        float[] Values(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var model = BackboneGraph.Classifier(112, new LinearHead(Values(512), Enumerable.Repeat(1f, 512).ToArray(), Values(5120), Values(10)));
        ClassifierMetadata.Set(model, ClassifierMetadata.TrainedKey, "true");
        ClassifierMetadata.Set(model, ClassifierMetadata.PreprocessKey, BackboneGraph.Preprocessing(112).ToSpec());
        var path = Path.Combine(dir, "cls.onnx");
        AtomicFile.WriteAllBytes(path, model.ToByteArray());
        var outDir = Path.Combine(dir, "out");

        var (code, stdout, stderr) = CliRunner.Run("evaluate", "--model", path, "--pf", "0,0.5", "--limit", "8", "--batch-size", "4", "-o", outDir, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var points = json.RootElement.GetProperty("points");
        Assert.Equal(2, points.GetArrayLength());
        Assert.Equal(8, json.RootElement.GetProperty("images").GetInt32());
        Assert.Equal(0.5, points[1].GetProperty("pruningFactor").GetDouble());
        Assert.InRange(points[0].GetProperty("top5").GetDouble(), points[0].GetProperty("top1").GetDouble(), 1.0);
        Assert.All(ChartFormats, ext => Assert.True(File.Exists(Path.Combine(outDir, "accuracy-global." + ext))));
        Assert.Contains("pf 0.50 global", stderr); // progress on stderr
    }

    [Fact]
    public async Task Evaluate_Record_WritesTheRepositoryAccuracy_WhichTheEdgeCatalogGives()
    {
        var random = new Random(5);
        float[] Values(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var model = BackboneGraph.Classifier(112, new LinearHead(Values(512), Enumerable.Repeat(1f, 512).ToArray(), Values(5120), Values(10)));
        ClassifierMetadata.Set(model, ClassifierMetadata.PreprocessKey, BackboneGraph.Preprocessing(112).ToSpec());
        var file = Path.Combine(dir, "cls.onnx");
        AtomicFile.WriteAllBytes(file, model.ToByteArray());
        var repo = Path.Combine(dir, "repo");
        Assert.Equal(0, CliRunner.Run("models", "import", file, "--name", "cls", "--repository", repo, "--json").ExitCode);

        var (code, stdout, stderr) = CliRunner.Run(
            "evaluate", "--model", "cls", "--repository", repo, "--record", "--pf", "0,0.5", "--limit", "8", "--batch-size", "4", "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var points = json.RootElement.GetProperty("points");
        Assert.Equal(Path.Combine(repo, "cls", "accuracy.json"), json.RootElement.GetProperty("recorded").GetString());

        await using var app = Edge.Hosting.EdgeServer.Build(new Edge.Hosting.EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = repo,
            MaxConcurrency = 1,
            IntraOpThreads = 1,
            Warmup = false,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var catalog = JsonDocument.Parse(await http.GetStringAsync("/v1/models/cls", TestContext.Current.CancellationToken));
        var full = catalog.RootElement.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "full");
        Assert.Equal(points[0].GetProperty("top1").GetDouble(), full.GetProperty("top1").GetDouble());
        Assert.Equal(points[0].GetProperty("top5").GetDouble(), full.GetProperty("top5").GetDouble());
        Assert.Equal(8, full.GetProperty("accuracyImages").GetInt32());
        Assert.Equal(json.RootElement.GetProperty("dataset").GetString(), full.GetProperty("accuracyDataset").GetString());
        var recorded = catalog.RootElement.GetProperty("accuracy").GetProperty("variants");
        Assert.Equal(2, recorded.GetArrayLength());
        var half = recorded.EnumerateArray().Single(p => p.GetProperty("variant").GetString() == "global-0.50");
        Assert.Equal(points[1].GetProperty("top1").GetDouble(), half.GetProperty("top1").GetDouble());
        Assert.Equal(8, half.GetProperty("images").GetInt32());
        await app.StopAsync(TestContext.Current.CancellationToken);

        var (notInRepo, _, error) = CliRunner.Run("evaluate", "--model", file, "--repository", repo, "--record");
        Assert.Equal(2, notInRepo);
        Assert.Contains("--record needs --model NAME", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DatasetInspect_Default_ReportsTheBalancedEmbeddedSubset()
    {
        var (code, stdout, _) = CliRunner.Run("dataset", "inspect", "default", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1000, json.RootElement.GetProperty("images").GetInt32());
        Assert.All(json.RootElement.GetProperty("imagesPerClass").EnumerateArray(), c => Assert.Equal(100, c.GetInt32()));
    }
}
