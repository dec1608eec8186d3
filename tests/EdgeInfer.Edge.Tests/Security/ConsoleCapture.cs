namespace EdgeInfer.Edge.Tests.Security;

/// <summary>
/// Captures stderr (where the edge logs) while a server built inside it lives: its console logger keeps the writer it
/// found when it was built. Tests that use it run alone (<see cref="Alone"/>).
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter original = Console.Error;
    private readonly StringWriter captured = new();

    public ConsoleCapture() => Console.SetError(TextWriter.Synchronized(captured));

    /// <summary>What was written so far.</summary>
    public string Text => captured.ToString();

    public void Dispose() => Console.SetError(original);

    /// <summary>The collection of tests that capture the console: not run in parallel with anything.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Alone
    {
        public const string Name = "console capture";
    }
}
