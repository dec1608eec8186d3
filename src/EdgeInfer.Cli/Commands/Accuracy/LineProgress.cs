namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>Progress as plain lines on stderr, written synchronously (in order) from any thread.</summary>
internal sealed class LineProgress(TextWriter error) : IProgress<string>
{
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            error.WriteLine(value);
        }
    }
}
