using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Structured;
using Onnx;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary>
/// <c>edgeinfer models groups --model FILE|NAME[/VARIANT]</c>: the channel groups channel pruning can remove (single,
/// residual, concat), the MACs each controls, and the channels left whole with the reason.
/// </summary>
internal static class ModelsGroupsCommand
{
    /// <summary>How many producer or consumer names a text line shows before "+N more".</summary>
    private const int NamesShown = 3;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var repository = ModelsCommand.RepositoryOption();
        var model = new Option<string>("--model")
        {
            Description = "An ONNX file, a catalog network (its graph is built in memory, no weights needed), or NAME/VARIANT in the repository.",
            Required = true,
        };
        var command = new Command(
            "groups",
            "List the channel groups channel pruning removes channels from (single Convs, residual streams tied through Add, Conv outputs "
            + "inside a Concat): id, kind, channels, producers, consumers and the MACs each controls; and the channels left whole, with why.");
        command.Options.Add(model);
        command.Options.Add(json);
        command.Options.Add(repository);
        command.SetAction(parse =>
        {
            var name = parse.GetRequiredValue(model);
            var report = ChannelGroupReport.Of(Load(name, parse.GetValue(repository)));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, ChannelGroupsView.From(name, report));
            }
            else
            {
                WriteText(output, name, report);
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>An existing file wins; then a catalog name (built shape-only); then NAME[/VARIANT] in the repository.</summary>
    private static ModelProto Load(string argument, string? repositoryPath)
    {
        if (File.Exists(argument))
        {
            return OnnxModelFile.Load(argument);
        }

        if (!argument.Contains('/', StringComparison.Ordinal) && ModelCatalog.TryFind(argument, out var catalog))
        {
            return catalog.BuildShapeOnly();
        }

        if (argument.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || !ModelNames.IsValid(argument.Split('/', 2)[0]))
        {
            throw new UsageException($"--model '{argument}' is neither an existing file, a catalog network nor a repository model name.");
        }

        var parts = argument.Split('/', 2);
        var entry = ModelRepository.Open(repositoryPath).Get(parts[0], parts.Length > 1 ? parts[1] : ModelRepository.FullVariant);
        return OnnxModelFile.Load(entry.ModelPath);
    }

    private static void WriteText(TextWriter o, string name, ChannelGroupReport r)
    {
        var c = CultureInfo.InvariantCulture;
        int Count(ChannelGroupKind kind) => r.Groups.Count(g => g.Group.Kind == kind);
        o.WriteLine(string.Create(
            c,
            $"{name}: {r.Groups.Count} prunable channel groups ({Count(ChannelGroupKind.Single)} single, {Count(ChannelGroupKind.Residual)} residual, "
            + $"{Count(ChannelGroupKind.Concat)} concat), {r.Blocked.Count} left whole"));
        o.WriteLine(string.Create(
            c, $"MACs {ModelsCommand.Human(r.ModelMacs)} (batch 1); a group's share counts each Conv it slices, so a Conv between two groups counts in both"));
        o.WriteLine(string.Create(c, $"  {"id",-40} {"kind",-8} {"channels",8} {"MACs",10} {"share",7}  producers -> consumers@offset"));
        foreach (var g in r.Groups)
        {
            var producers = Names(g.Group.Producers.Select(ChannelsName));
            var consumers = Names(g.Group.Consumers.Select(x => string.Create(c, $"{ChannelsName(x.Conv)}@{x.Offset}")));
            var macs = ModelsCommand.Human(g.Macs);
            o.WriteLine(string.Create(
                c, $"  {g.Group.Id,-40} {Kind(g.Group.Kind),-8} {g.Group.Channels,8} {macs,10} {Percent(g.Share),7}  {producers} -> {consumers}"));
        }

        if (r.Blocked.Count > 0)
        {
            o.WriteLine("Left whole:");
            foreach (var b in r.Blocked)
            {
                o.WriteLine(string.Create(c, $"  {b.Id,-40} {b.Channels,5} channels, producers {Names(b.Producers.Select(ChannelsName))}: {b.Reason}"));
            }
        }
    }

    private static string Kind(ChannelGroupKind kind) => kind.ToString().ToLowerInvariant();

    private static string ChannelsName(NodeProto node) => node.Name.Length > 0 ? node.Name : node.Output[0];

    private static string Percent(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 100:0.0} %") : "?";

    private static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= NamesShown ? string.Join(", ", all) : $"{string.Join(", ", all.Take(NamesShown))} +{all.Count - NamesShown} more";
    }
}
