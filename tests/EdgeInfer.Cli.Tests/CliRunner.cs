using System.Text.Json;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Tests;

/// <summary>Runs the real CLI entry point in-process and captures its streams.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <c>--json</c> expectations: exit 0, nothing on stderr, exactly one JSON object on stdout.</summary>
    public static JsonElement RunJson(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal("", stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    /// <summary>The repository root (holds EdgeInfer.slnx), for <c>examples/</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeInfer.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EdgeInfer.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string ExampleScenario => Path.Combine(RepositoryRoot(), "examples", "scenario.json");
}
