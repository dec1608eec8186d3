using System.CommandLine;

namespace EdgeInfer.Cli.Commands;

/// <summary><c>--repository DIR</c>: the model repository folder.</summary>
internal static class RepositoryOption
{
    public static Option<string?> Create() => new("--repository") { Description = "Model repository folder (default: .edgeinfer/models under the current folder)." };
}
