using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>
/// Progress of <c>edgeinfer reproduce</c> on stderr: a heading when a phase starts, then one plain line <c>[3/12] …</c> per
/// step; on a terminal (<see cref="ProgressMode.Live"/>) the same lines above a live bar of the phase with its ETA.
/// Thread-safe; dispose it when the command is done.
/// </summary>
internal sealed class ReproduceProgressWriter(TextWriter error, ProgressMode mode) : IDisposable
{
    private readonly LiveProgress? live = mode == ProgressMode.Live ? new LiveProgress(error) : null;
    private readonly Lock gate = new();
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private string? phase;

    /// <summary>A line of its own (e.g. the accuracy evaluator's), above the bar on a terminal.</summary>
    public void Line(string text)
    {
        if (live is not null)
        {
            live.Line(text);
            return;
        }

        lock (gate)
        {
            error.WriteLine(text);
        }
    }

    public void Report(StudyProgress progress)
    {
        lock (gate)
        {
            if (progress.Phase != phase)
            {
                phase = progress.Phase;
                Line($"== {progress.Phase} ({clock.Elapsed:mm\\:ss})");
            }

            Line($"[{progress.Step}/{progress.Total}] {progress.Message}");
            live?.Step(progress.Phase, progress.Step, progress.Total, progress.Message);
        }
    }

    public void Finish() => Line($"== done in {clock.Elapsed:mm\\:ss}");

    public void Dispose() => live?.Dispose();
}
