using EdgeInfer.Pruning.Structured;
using Onnx;

namespace EdgeInfer.Cli.Commands.Models;

/// <summary>The <c>models groups --json</c> object.</summary>
internal sealed record ChannelGroupsView(
    string Model,
    long? ModelMacs,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<ChannelGroupsView.Group> Groups,
    IReadOnlyList<ChannelGroupsView.Whole> Blocked)
{
    public static ChannelGroupsView From(string model, ChannelGroupReport r) => new(
        model,
        r.ModelMacs,
        Enum.GetValues<ChannelGroupKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => r.Groups.Count(g => g.Group.Kind == k)),
        [.. r.Groups.Select(Group.From)],
        [.. r.Blocked.Select(b => new Whole(b.Id, b.Channels, [.. b.Producers.Select(NodeName)], b.Reason))]);

    private static string NodeName(NodeProto node) => node.Name.Length > 0 ? node.Name : node.Output[0];

    /// <summary>One prunable group: its MACs (batch 1) and share of the model's, its producers, depthwise Convs and consumers.</summary>
    internal sealed record Group(
        string Id,
        ChannelGroupKind Kind,
        int Channels,
        long? Macs,
        double? Share,
        IReadOnlyList<string> Producers,
        IReadOnlyList<string> Depthwise,
        IReadOnlyList<Consumer> Consumers)
    {
        public static Group From(ChannelGroupMacs g) => new(
            g.Group.Id,
            g.Group.Kind,
            g.Group.Channels,
            g.Macs,
            g.Share,
            [.. g.Group.Producers.Select(NodeName)],
            [.. g.Group.Depthwise.Select(NodeName)],
            [.. g.Group.Consumers.Select(c => new Consumer(NodeName(c.Conv), c.Input, c.Offset, c.InputChannels))]);
    }

    /// <summary>A consuming Conv, its data input and the group's offset in that input's channels.</summary>
    internal sealed record Consumer(string Conv, string Input, int Offset, int InputChannels);

    /// <summary>Channels left whole, with the reason.</summary>
    internal sealed record Whole(string Id, int Channels, IReadOnlyList<string> Producers, string Reason);
}
