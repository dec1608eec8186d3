namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// Text progress of a long command on its error writer, from any thread, each line in one piece: plain lines when the
/// writer is not a terminal (<see cref="ProgressModes.For"/>), else the same lines above a live bar (<see cref="LiveProgress"/>)
/// that follows the counts <c>k/n</c> in them. Dispose it when the command is done.
/// </summary>
internal sealed class CliProgress : IProgress<string>, IDisposable
{
    private readonly TextWriter error;
    private readonly string prefix;
    private readonly string phase;
    private readonly LiveProgress? live;
    private readonly Lock gate = new();

    /// <summary>Progress on <paramref name="error"/>, each line after <paramref name="prefix"/>; the bar is labelled <paramref name="phase"/>.</summary>
    public CliProgress(TextWriter error, string phase, string prefix = "")
        : this(error, phase, prefix, ProgressModes.For(error))
    {
    }

    /// <summary>As above, in a given mode.</summary>
    public CliProgress(TextWriter error, string phase, string prefix, ProgressMode mode)
    {
        this.error = error;
        this.prefix = prefix;
        this.phase = phase;
        live = mode == ProgressMode.Live ? new LiveProgress(error) : null;
    }

    /// <inheritdoc />
    public void Report(string value)
    {
        if (live is not null)
        {
            live.Report(phase, prefix + value);
            return;
        }

        lock (gate)
        {
            error.WriteLine(prefix + value);
        }
    }

    /// <summary>A line without the prefix (a heading of the step whose progress follows); on a terminal it also labels the bar.</summary>
    public void Line(string text)
    {
        if (live is not null)
        {
            live.Report(phase, text);
            return;
        }

        lock (gate)
        {
            error.WriteLine(text);
        }
    }

    /// <inheritdoc />
    public void Dispose() => live?.Dispose();
}
