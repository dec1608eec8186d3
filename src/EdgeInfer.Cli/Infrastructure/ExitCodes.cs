using EdgeInfer.Core;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// Maps exceptions to the documented exit codes and one-line messages. Only the project's own input exceptions (and a
/// user-given file or folder that is missing) mean bad input (2): <see cref="UsageException"/> and
/// <see cref="EdgeInferInputException"/>, which the libraries throw for rejected input and which the CLI wraps around
/// anything else a user's value or file caused. Anything else, an <see cref="ArgumentException"/> included (a caller's
/// bug), is a failure (1), so a bug never passes for a user error.
/// </summary>
internal static class ExitCodes
{
    public static int? Classify(Exception ex) => ex switch
    {
        OperationCanceledException => CliApp.Failure,
        UsageException or EdgeInferInputException => CliApp.BadInput,
        FileNotFoundException or DirectoryNotFoundException => CliApp.BadInput,
        _ => CliApp.Failure,
    };

    public static string Message(Exception ex) => ex switch
    {
        OperationCanceledException => "cancelled.",
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}
