using System.CommandLine;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>Options shared by every command.</summary>
public static class CommonOptions
{
    /// <summary><c>--json</c>: print exactly one JSON object on stdout and nothing else.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object (camelCase keys) on stdout and nothing else." };
}
