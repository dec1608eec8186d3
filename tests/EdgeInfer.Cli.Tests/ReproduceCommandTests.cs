using System.Text.Json;

namespace EdgeInfer.Cli.Tests;

public sealed class ReproduceCommandTests
{
    [Fact]
    public void Reproduce_UnknownConfigField_ExitsTwoNamingTheField()
    {
        var root = Directory.CreateTempSubdirectory("edgeinfer-reproduce-cli-").FullName;
        try
        {
            var config = Path.Combine(root, "study.json");
            File.WriteAllText(config, """{ "samplez": 3, "edgeLoads": [0, -1] }""");
            var (code, stdout, stderr) = CliRunner.Run("reproduce", "--config", config, "-o", Path.Combine(root, "out"));
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Contains("samplez is not a known field", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(root, "out")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("--preset", "fast", "Unknown preset 'fast'")]
    [InlineData("--config", "/nonexistent/study.json", "does not exist")]
    public void Reproduce_BadOption_ExitsTwo(string option, string value, string message)
    {
        var (code, _, stderr) = CliRunner.Run("reproduce", option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reproduce_TinyStudyWithJson_PrintsOneObjectAndWritesTheResults()
    {
        var root = Directory.CreateTempSubdirectory("edgeinfer-reproduce-cli-").FullName;
        try
        {
            var config = Path.Combine(root, "study.json");
            File.WriteAllText(
                config,
                """{ "models": ["mobilenet"], "edgeLoads": [0, 1], "pruningFactors": [0.7], "samples": 1,"""
                + """ "warmupRuns": 0, "pruneSamples": 1, "accuracyModel": null, "plotMaxLoad": 4, "maxRequests": 10, "pruningMethod": "channel" }""");
            var output = Path.Combine(root, "results");
            var (code, stdout, stderr) = CliRunner.Run("reproduce", "--config", config, "-o", output, "--repository", Path.Combine(root, "models"), "--json");
            Assert.True(code == 0, stderr);
            Assert.Contains("== edge", stderr, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(stdout);
            Assert.True(json.RootElement.GetProperty("complete").GetBoolean());
            Assert.Equal("mobilenet", json.RootElement.GetProperty("thresholds")[0].GetProperty("model").GetString());
            foreach (var file in json.RootElement.GetProperty("files").EnumerateArray())
            {
                Assert.True(File.Exists(Path.Combine(output, file.GetString()!)), file.GetString());
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
