using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>
/// Progress of <c>edgeinfer profile</c> on stderr: one plain line <c>[5/10] …</c> per measurement; on a terminal
/// (<see cref="ProgressMode.Live"/>) the same lines above a live bar with the current step and its ETA. Dispose it when done.
/// </summary>
internal sealed class ProfileProgressWriter(TextWriter error, ProgressMode mode) : IDisposable
{
    private readonly LiveProgress? live = mode == ProgressMode.Live ? new LiveProgress(error) : null;

    public void Log(string message)
    {
        if (live is not null)
        {
            live.Line(message);
        }
        else
        {
            error.WriteLine(message);
        }
    }

    public void Report(ProfileProgress progress)
    {
        Log($"[{progress.Step}/{progress.TotalSteps}] {progress.Message}");
        live?.Step("profile", progress.Step, progress.TotalSteps, progress.Message);
    }

    public void Dispose() => live?.Dispose();
}
