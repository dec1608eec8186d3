using EdgeInfer.Study.Running;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>
/// Progress of <c>edgeinfer reproduce</c> on stderr: a heading when a phase starts, then one line per step — plain
/// <c>[3/12] …</c> when stderr is redirected, a bar <c>[#####-----] 3/12 …</c> in a terminal.
/// </summary>
internal sealed class ReproduceProgressWriter(TextWriter error, bool plain)
{
    private const int BarWidth = 20;
    private string? phase;
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    public void Report(StudyProgress progress)
    {
        if (progress.Phase != phase)
        {
            phase = progress.Phase;
            error.WriteLine($"== {progress.Phase} ({clock.Elapsed:mm\\:ss})");
        }

        if (plain || progress.Total == 0)
        {
            error.WriteLine($"[{progress.Step}/{progress.Total}] {progress.Message}");
            return;
        }

        var filled = Math.Clamp(progress.Step * BarWidth / progress.Total, 0, BarWidth);
        error.WriteLine($"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {progress.Step}/{progress.Total} {progress.Message}");
    }

    public void Finish() => error.WriteLine($"== done in {clock.Elapsed:mm\\:ss}");
}
