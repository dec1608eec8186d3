using System.CommandLine;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary><c>edgeinfer models list|build|import|inspect|groups</c>: the model catalog and the on-disk model repository.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command(
            "models",
            "Build the paper's networks (untrained, seeded weights), import ONNX models, list and inspect the model repository.");
        command.Subcommands.Add(ModelsListCommand.Create());
        command.Subcommands.Add(ModelsBuildCommand.Create());
        command.Subcommands.Add(ModelsImportCommand.Create());
        command.Subcommands.Add(ModelsInspectCommand.Create());
        command.Subcommands.Add(ModelsGroupsCommand.Create());
        return command;
    }

    /// <summary><c>--repository</c>: the repository folder (default <c>$EDGEINFER_REPOSITORY</c> or <c>.edgeinfer/models</c>).</summary>
    public static Option<string?> RepositoryOption() => new("--repository")
    {
        Description = $"Model repository folder (default: ${ModelRepository.EnvironmentVariable} or {ModelRepository.DefaultRelativePath} "
            + "under the current directory).",
    };

    /// <summary>Writes a progress line on stderr.</summary>
    public static void Progress(ParseResult parse, string line) => parse.InvocationConfiguration.Error.WriteLine(line);

    /// <summary>Human-readable count: 60.19 M, 11.58 G.</summary>
    public static string Human(long? value) => value switch
    {
        null => "unknown",
        >= 1_000_000_000 => $"{value / 1e9:0.00} G",
        >= 1_000_000 => $"{value / 1e6:0.00} M",
        >= 1_000 => $"{value / 1e3:0.00} k",
        _ => value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A repository variant as printed by <c>list</c>, <c>build</c> and <c>import</c>.</summary>
    public static ModelsEntryView View(ModelEntry entry) => new(
        entry.Name,
        entry.Variant,
        entry.ModelPath,
        entry.Metadata.Parameters,
        entry.Metadata.Macs,
        entry.Metadata.SizeBytes,
        entry.Metadata.Trained,
        entry.Metadata.Source,
        entry.Metadata.PruningFactor,
        entry.Metadata.PruningMethod,
        entry.Metadata.CreatedUtc);

    /// <summary>One line of text for a variant.</summary>
    public static string Line(ModelsEntryView v) =>
        $"{v.Name}/{v.Variant}: {Human(v.Parameters)} params, {Human(v.Macs)} MACs, {v.SizeBytes / 1e6:0.0} MB, " +
        $"{(v.Trained ? "trained" : "UNTRAINED")}, source {v.Source}" +
        (v.PruningFactor is { } pf ? $", pruned {v.PruningMethod} pf {pf}" : string.Empty);
}
