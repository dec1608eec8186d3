using System.Text.Json;

namespace EdgeInfer.Cli.Tests;

/// <summary>
/// <c>edgeinfer classifier train</c> end to end, kept cheap for CI: the committed Fashion-MNIST subset as an IDX folder
/// (2 images per class, 20 in all), 64-pixel inputs, one L2 weight (no hold-out selection) and no test evaluation.
/// </summary>
public sealed class ClassifierTrainCommandTests
{
    [Fact]
    public void ClassifierTrain_SmallSettings_WritesTheTrainedClassifierIntoTheRepository()
    {
        var root = Directory.CreateTempSubdirectory("edgeinfer-classifier-cli-").FullName;
        try
        {
            var repo = Path.Combine(root, "repo");
            var extra = Path.Combine(root, "classifier.onnx");
            var data = Path.Combine(CliRunner.RepositoryRoot(), "data", "fashion-mnist-subset");

            var (code, stdout, stderr) = CliRunner.Run(
                "classifier", "train", "--train", data, "--train-per-class", "2", "--input-size", "64", "--l2", "1", "--test", "none",
                "--repository", repo, "-o", extra, "--json");

            Assert.True(code == 0, stderr);
            using var json = JsonDocument.Parse(stdout);
            var result = json.RootElement;
            Assert.Equal("resnet18-fmnist", result.GetProperty("name").GetString());
            Assert.True(result.GetProperty("trained").GetBoolean());
            Assert.Equal(20, result.GetProperty("trainImages").GetInt32());
            Assert.Equal(64, result.GetProperty("inputSize").GetInt32());
            Assert.Equal(JsonValueKind.Null, result.GetProperty("test").ValueKind);
            var path = result.GetProperty("path").GetString()!;
            Assert.Equal(Path.Combine(repo, "resnet18-fmnist", "full", "model.onnx"), path);
            Assert.Equal(result.GetProperty("sizeBytes").GetInt64(), new FileInfo(path).Length);
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(extra));

            var listed = CliRunner.RunJson("models", "list", "--repository", repo, "--json");
            Assert.Contains("resnet18-fmnist", listed.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ClassifierTrain_BadL2_ExitsTwoNamingIt()
    {
        var (code, stdout, stderr) = CliRunner.Run("classifier", "train", "--l2", "ten", "--test", "none");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("ten", stderr, StringComparison.Ordinal);
    }
}
