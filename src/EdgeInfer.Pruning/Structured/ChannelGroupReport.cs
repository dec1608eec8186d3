using EdgeInfer.Models.Inspection;
using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Which channel groups a model has and where its MACs are: each prunable group with the MACs it controls, and the
/// channels left whole.
/// </summary>
/// <param name="ModelMacs">The model's MACs at batch 1 (<see cref="ShapeInference"/>); null when shapes are not static.</param>
/// <param name="Groups">Every prunable group (see <see cref="ChannelDependencyGraph.Find"/>) with its MACs.</param>
/// <param name="Blocked">Producers' channels that must stay whole, with the reason.</param>
public sealed record ChannelGroupReport(long? ModelMacs, IReadOnlyList<ChannelGroupMacs> Groups, IReadOnlyList<BlockedChannels> Blocked)
{
    /// <summary>Analyses <paramref name="model"/> (weights need not be present: dims suffice).</summary>
    /// <exception cref="ArgumentException">The model has no graph.</exception>
    public static ChannelGroupReport Of(ModelProto model)
    {
        var dependencies = ChannelDependencyGraph.Analyze(model);
        var graph = model.Graph;
        var shapes = ShapeInference.Run(graph);
        var weights = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var t in graph.Initializer)
        {
            weights.TryAdd(t.Name, t);
        }

        long? ConvMacs(NodeProto conv) =>
            shapes.ShapeOf(conv.Output[0]) is { } output && output.All(d => d > 0) && weights.TryGetValue(conv.Input[1], out var w)
                ? output.Aggregate(1L, (a, b) => a * b) * w.Dims.Skip(1).Aggregate(1L, (a, b) => a * b)
                : null;

        var total = shapes.Macs;
        var groups = new List<ChannelGroupMacs>();
        foreach (var group in dependencies.Groups)
        {
            long? macs = 0;
            foreach (var (conv, share) in Shares(group, weights))
            {
                macs = ConvMacs(conv) is { } m && macs is { } sum ? sum + (long)Math.Round(m * share) : null;
            }

            groups.Add(new ChannelGroupMacs(group, total is null ? null : macs, total is > 0 && macs is { } g ? (double)g / total.Value : null));
        }

        return new ChannelGroupReport(total, groups, dependencies.Blocked);
    }

    /// <summary>Each Conv the group indexes and the group's share of the axis it indexes there (1 for a producer).</summary>
    private static IEnumerable<(NodeProto Conv, double Share)> Shares(ChannelGroup group, Dictionary<string, TensorProto> weights)
    {
        var shares = new Dictionary<NodeProto, (double Producer, double Input)>(ReferenceEqualityComparer.Instance);
        void Add(NodeProto conv, double producer, double input)
        {
            var (p, i) = shares.GetValueOrDefault(conv);
            shares[conv] = (Math.Max(p, producer), i + input);
        }

        foreach (var producer in group.Producers)
        {
            Add(producer, 1, 0);
        }

        foreach (var depthwise in group.Depthwise)
        {
            // Counted once per offset at which the group's channels enter it (usually one).
            var entries = group.Slices.Count(s => s.Role == ChannelSliceRole.Depthwise && s.Tensor.Name == depthwise.Input[1]);
            Add(depthwise, 0, entries * (double)group.Channels / weights[depthwise.Input[1]].Dims[0]);
        }

        foreach (var consumer in group.Consumers)
        {
            Add(consumer.Conv, 0, (double)group.Channels / consumer.InputChannels);
        }

        return shares.Select(s => (s.Key, Math.Min(1, Math.Max(s.Value.Producer, s.Value.Input))));
    }
}
