using System.CommandLine;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// Progress lines of long library steps (variant builds), written to the command's stderr as they come, after a prefix;
/// on a terminal above a live bar named after the command (<see cref="CliProgress"/>). Dispose it when the command is done.
/// </summary>
internal sealed class StderrProgress(ParseResult parse, string prefix = "") : IProgress<string>, IDisposable
{
    private readonly CliProgress progress = new(parse.InvocationConfiguration.Error, parse.CommandResult.Command.Name, prefix);

    /// <inheritdoc />
    public void Report(string value) => progress.Report(value);

    /// <summary>A line without the prefix, e.g. the heading of a build.</summary>
    public void Line(string text) => progress.Line(text);

    /// <inheritdoc />
    public void Dispose() => progress.Dispose();
}
