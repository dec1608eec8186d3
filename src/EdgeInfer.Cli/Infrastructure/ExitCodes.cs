using System.Text.Json;
using EdgeInfer.Core;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>Maps exceptions to the documented exit codes and one-line messages.</summary>
internal static class ExitCodes
{
    public static int? Classify(Exception ex) => ex switch
    {
        OperationCanceledException => CliApp.Failure,
        UsageException or EdgeInferInputException or ArgumentException or JsonException or FormatException => CliApp.BadInput,
        FileNotFoundException or DirectoryNotFoundException => CliApp.BadInput,
        _ => CliApp.Failure,
    };

    public static string Message(Exception ex) => ex switch
    {
        OperationCanceledException => "cancelled.",
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}
