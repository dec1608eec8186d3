using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>
/// Progress of <c>edgeinfer profile</c> on stderr: one plain line per measurement when stderr is redirected; in a
/// terminal, a bar <c>[#####-----] 5/10</c> before each line.
/// </summary>
internal sealed class ProfileProgressWriter(TextWriter error, bool plain)
{
    private const int BarWidth = 20;

    public void Log(string message) => error.WriteLine(message);

    public void Report(ProfileProgress progress)
    {
        if (plain)
        {
            error.WriteLine($"[{progress.Step}/{progress.TotalSteps}] {progress.Message}");
            return;
        }

        var filled = progress.TotalSteps == 0 ? BarWidth : progress.Step * BarWidth / progress.TotalSteps;
        error.WriteLine($"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {progress.Step}/{progress.TotalSteps} {progress.Message}");
    }
}
