namespace EdgeInfer.Cli.Infrastructure;

/// <summary>How a long command shows its progress on stderr.</summary>
internal enum ProgressMode
{
    /// <summary>One plain line per step (stderr redirected, a test's writer, a dumb terminal, or <c>EDGEINFER_PROGRESS=plain</c>).</summary>
    Plain,

    /// <summary>The same lines, with a live Spectre.Console bar below them: the current step, elapsed time and ETA (stderr is a terminal).</summary>
    Live,
}

/// <summary>Chooses the <see cref="ProgressMode"/> for a command's error writer.</summary>
internal static class ProgressModes
{
    /// <summary>The environment variable that forces plain lines (<c>plain</c>).</summary>
    public const string EnvironmentVariable = "EDGEINFER_PROGRESS";

    /// <summary>
    /// Live only when <paramref name="error"/> is the process's own stderr and that is a terminal (not redirected, TERM not
    /// <c>dumb</c>, not forced plain); every other writer (a file, a pipe, a test's <see cref="StringWriter"/>) gets plain lines.
    /// </summary>
    public static ProgressMode For(TextWriter error) => Choose(
        ReferenceEquals(error, Console.Error),
        Console.IsErrorRedirected,
        Environment.GetEnvironmentVariable("TERM"),
        Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The choice itself, from what <see cref="For"/> reads.</summary>
    /// <param name="writesToConsoleError">The writer is <see cref="Console.Error"/>.</param>
    /// <param name="errorRedirected">Stderr goes to a file or a pipe.</param>
    /// <param name="term">The TERM variable.</param>
    /// <param name="setting">The <see cref="EnvironmentVariable"/> variable: <c>plain</c> forces plain lines.</param>
    public static ProgressMode Choose(bool writesToConsoleError, bool errorRedirected, string? term, string? setting) =>
        !writesToConsoleError || errorRedirected || string.Equals(term, "dumb", StringComparison.Ordinal)
            || string.Equals(setting?.Trim(), "plain", StringComparison.OrdinalIgnoreCase)
            ? ProgressMode.Plain
            : ProgressMode.Live;
}
