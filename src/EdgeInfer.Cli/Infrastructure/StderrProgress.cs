using System.CommandLine;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>Progress lines of long library steps (variant builds), written to the command's stderr as they come, after a prefix.</summary>
internal sealed class StderrProgress(ParseResult parse, string prefix = "") : IProgress<string>
{
    /// <inheritdoc />
    public void Report(string value) => parse.InvocationConfiguration.Error.WriteLine(prefix + value);
}
