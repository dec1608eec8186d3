using System.Text.Json;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Tests;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-cli-models-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void BuildListInspect_MobileNet_PrintsOneJsonObjectEach()
    {
        var repo = Path.Combine(root, "repo");

        var (code, stdout, _) = Run("models", "build", "mobilenet-v1", "--seed", "3", "--json", "--repository", repo);
        Assert.Equal(CliApp.Success, code);
        using var build = JsonDocument.Parse(stdout);
        var model = build.RootElement.GetProperty("model");
        Assert.Equal(4_231_976, model.GetProperty("parameters").GetInt64());
        Assert.False(model.GetProperty("trained").GetBoolean());
        Assert.True(build.RootElement.GetProperty("timings").GetProperty("totalSeconds").GetDouble() > 0);

        (code, stdout, _) = Run("models", "list", "--json", "--repository", repo);
        Assert.Equal(CliApp.Success, code);
        using var list = JsonDocument.Parse(stdout);
        Assert.Equal("mobilenet", Assert.Single(list.RootElement.GetProperty("models").EnumerateArray()).GetProperty("name").GetString());

        (code, stdout, _) = Run("models", "inspect", "mobilenet", "--json", "--repository", repo);
        Assert.Equal(CliApp.Success, code);
        using var inspect = JsonDocument.Parse(stdout);
        foreach (var key in new[] { "parameters", "macs", "sizeBytes", "inputs", "outputs", "trained" })
        {
            Assert.True(inspect.RootElement.TryGetProperty(key, out _), key);
        }

        Assert.Equal(568_740_352, inspect.RootElement.GetProperty("macs").GetInt64());
    }

    [Fact]
    public void Import_NotOnnx_ExitsTwoNamingFile()
    {
        Directory.CreateDirectory(root);
        var bad = Path.Combine(root, "bad.onnx");
        File.WriteAllText(bad, "hello");

        var (code, stdout, stderr) = Run("models", "import", bad, "--name", "bad", "--json", "--repository", Path.Combine(root, "repo"));

        Assert.Equal(CliApp.BadInput, code);
        Assert.Empty(stdout);
        Assert.Contains(bad, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build", "vgg16")]
    [InlineData("inspect", "nothere")]
    public void UnknownModel_ExitsTwo(string verb, string name)
    {
        var (code, _, stderr) = Run("models", verb, name, "--repository", Path.Combine(root, "repo"));

        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains(name, stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
