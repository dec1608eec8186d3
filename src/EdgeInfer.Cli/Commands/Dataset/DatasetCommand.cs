using System.CommandLine;

namespace EdgeInfer.Cli.Commands.Dataset;

/// <summary><c>edgeinfer dataset make-subset|inspect</c>: the labelled datasets used for accuracy.</summary>
internal static class DatasetCommand
{
    public static Command Create()
    {
        var command = new Command("dataset", "Labelled datasets for accuracy: make the embedded Fashion-MNIST subset, inspect a dataset.");
        command.Subcommands.Add(DatasetMakeSubsetCommand.Create());
        command.Subcommands.Add(DatasetInspectCommand.Create());
        return command;
    }
}
