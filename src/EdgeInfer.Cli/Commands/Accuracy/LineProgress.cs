using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>
/// Progress as plain lines on stderr, written synchronously (in order) from any thread; on a terminal the same lines above
/// a live bar labelled <paramref name="phase"/> (<see cref="CliProgress"/>). Dispose it when the command is done.
/// </summary>
internal sealed class LineProgress(TextWriter error, string phase = "progress") : IProgress<string>, IDisposable
{
    private readonly CliProgress progress = new(error, phase);

    public void Report(string value) => progress.Report(value);

    public void Dispose() => progress.Dispose();
}
