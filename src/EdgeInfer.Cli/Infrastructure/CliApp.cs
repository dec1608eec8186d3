using System.CommandLine;
using EdgeInfer.Cli.Commands;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// Builds the command tree and maps failures to exit codes: 0 success, 1 failure, 2 bad usage or bad input.
/// Every command writes its <c>--json</c> output through <see cref="CliJson"/>, one object on stdout.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a failure that is not the user's input (I/O, runtime).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>The root command with every subcommand registered.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EdgeInfer: should this inference run on the device or at the edge, with the full model or a pruned one?");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine("error: " + string.Join("; ", parse.Errors.Select(e => e.Message)));
            return BadInput;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception ex) when (ExitCodes.Classify(ex) is { } code)
        {
            stderr.WriteLine("error: " + ExitCodes.Message(ex));
            return code;
        }
    }
}
