using EdgeInfer.Core;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Structured;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// The model's multiply-accumulates as a function of each group's kept channel count: every Conv's MACs are
/// OH·OW·kH·kW·(O − removed from its output)·(C/g − removed from its input), with the spatial sizes from
/// <see cref="ShapeInference"/> (batch 1) and the full total its <see cref="ShapeInferenceResult.Macs"/>, so the budget is
/// counted the way <c>models inspect</c> counts it.
/// </summary>
internal sealed class MacsAccount
{
    private readonly List<ConvTerm> terms = [];
    private readonly List<int>[] termsOfGroup;
    private readonly int[] channels;

    /// <summary>Accounts <paramref name="model"/>'s MACs against <paramref name="groups"/> (found on it, before pruning).</summary>
    /// <exception cref="EdgeInferInputException">The model's MACs cannot be inferred (a dynamic spatial size).</exception>
    public MacsAccount(ModelProto model, IReadOnlyList<ChannelGroup> groups)
    {
        var shapes = ShapeInference.Run(model.Graph, 1);
        Full = shapes.Macs ?? throw new EdgeInferInputException("The model's MACs cannot be inferred (a spatial size is not static), so no budget applies.");
        channels = [.. groups.Select(g => g.Channels)];
        termsOfGroup = [.. groups.Select(_ => new List<int>())];
        var weights = model.Graph.Initializer.ToDictionary(t => t.Name, t => t, StringComparer.Ordinal);
        foreach (var node in model.Graph.Node.Where(n => n.OpType == "Conv"))
        {
            var outGroups = groups.Select((g, i) => (g, i)).Where(x => x.g.Producers.Any(p => ReferenceEquals(p, node))
                || x.g.Depthwise.Any(d => ReferenceEquals(d, node))).Select(x => x.i).ToList();
            var inGroups = groups.Select((g, i) => (g, i)).Where(x => x.g.Consumers.Any(c => ReferenceEquals(c.Conv, node))).Select(x => x.i).ToList();
            if (outGroups.Count + inGroups.Count == 0 || !weights.TryGetValue(node.Input[1], out var w)
                || shapes.ShapeOf(node.Output[0]) is not { Length: 4 } y)
            {
                continue;
            }

            var depthwise = groups.Any(g => g.Depthwise.Any(d => ReferenceEquals(d, node)));
            var term = new ConvTerm(y[2] * y[3] * w.Dims[2] * w.Dims[3], w.Dims[0], w.Dims[1], depthwise, [.. outGroups], [.. inGroups]);
            foreach (var g in outGroups.Concat(inGroups).Distinct())
            {
                termsOfGroup[g].Add(terms.Count);
            }

            terms.Add(term);
        }
    }

    /// <summary>MACs of the unpruned model (batch 1).</summary>
    public long Full { get; }

    /// <summary>MACs with <paramref name="kept"/>[g] channels kept in group g.</summary>
    public long Macs(IReadOnlyList<int> kept) => Full - terms.Sum(t => t.Macs(channels, channels) - t.Macs(channels, kept));

    /// <summary>MACs saved by lowering group <paramref name="group"/> from its count in <paramref name="kept"/> to <paramref name="to"/>.</summary>
    public long Saving(int[] kept, int group, int to)
    {
        var before = termsOfGroup[group].Sum(i => terms[i].Macs(channels, kept));
        var was = kept[group];
        kept[group] = to;
        var after = termsOfGroup[group].Sum(i => terms[i].Macs(channels, kept));
        kept[group] = was;
        return before - after;
    }

    /// <summary>One Conv: spatial·kernel area, output channels, input channels per group, and the groups that shrink them.</summary>
    private sealed record ConvTerm(long Area, long Outputs, long Inputs, bool Depthwise, int[] OutGroups, int[] InGroups)
    {
        public long Macs(int[] full, IReadOnlyList<int> kept)
        {
            var removed = OutGroups.Sum(g => (long)(full[g] - kept[g]));
            var outputs = Outputs - removed;
            var inputs = Depthwise ? Inputs : Inputs - InGroups.Sum(g => (long)(full[g] - kept[g]));
            return Area * outputs * inputs;
        }
    }
}
