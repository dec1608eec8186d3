using EdgeInfer.Models.Inspection;
using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Walks a graph once in node order (ONNX requires topological order) and tracks, for every tensor that carries some
/// producer's channels along axis 1, where each of its channels comes from (<see cref="ChannelLayout"/>). Every use
/// of such a tensor either slices consistently (a per-channel op, a Conv's data input, an element-wise op that ties
/// two producers, a channel Concat) or blocks the producers it carries. The per-op rules live in
/// <c>ChannelGraphWalker.Ops.cs</c>.
/// </summary>
internal sealed partial class ChannelGraphWalker(GraphIndex index)
{
    private readonly Dictionary<string, ChannelLayout> layouts = new(StringComparer.Ordinal);
    private readonly List<ChannelSpace> spaces = [];
    private ShapeInferenceResult? shapes;
    private int sequence;
    private int position;

    /// <summary>The root of every set of tied channels, in the order of its first producer; empty when the graph is not sorted.</summary>
    public IReadOnlyList<ChannelSpace> Walk()
    {
        var nodes = index.Graph.Node;
        if (!IsSorted())
        {
            return [];
        }

        for (position = 0; position < nodes.Count; position++)
        {
            Visit(nodes[position]);
        }

        foreach (var output in index.Graph.Output)
        {
            LayoutOf(output.Name)?.Block($"is the graph output '{output.Name}'");
        }

        return [.. spaces.Select(s => s.Root()).Distinct().OrderBy(s => s.Order)];
    }

    public static string Name(NodeProto node) => node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault() ?? node.OpType;

    private void Visit(NodeProto node)
    {
        switch (node.OpType)
        {
            case "Conv":
                VisitConv(node);
                break;
            case "BatchNormalization":
                VisitBatchNorm(node);
                break;
            case "Concat":
                VisitConcat(node);
                break;
            case var op when Elementwise.Contains(op):
                VisitElementwise(node);
                break;
            case var op when PassThrough.Contains(op):
                VisitPassThrough(node);
                break;
            default:
                BlockReads(node, _ => false, $"reaches {node.OpType} '{Name(node)}'");
                break;
        }
    }

    /// <summary>A node that reads a tensor produced at or after its own position would be walked before its producer.</summary>
    private bool IsSorted()
    {
        var nodes = index.Graph.Node;
        for (var p = 0; p < nodes.Count; p++)
        {
            foreach (var name in nodes[p].Input.Concat(GraphIndex.SubgraphReads(nodes[p])))
            {
                if (index.Positions.TryGetValue(name, out var producer) && producer >= p)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private ChannelLayout? LayoutOf(string tensor) => tensor.Length > 0 && layouts.TryGetValue(tensor, out var l) ? l : null;

    /// <summary>Blocks the producers carried by every input the op does not handle (and by every read of its subgraphs).</summary>
    private void BlockReads(NodeProto node, Func<int, bool> handled, string reason)
    {
        for (var i = 0; i < node.Input.Count; i++)
        {
            if (!handled(i))
            {
                LayoutOf(node.Input[i])?.Block(reason);
            }
        }

        foreach (var name in GraphIndex.SubgraphReads(node))
        {
            LayoutOf(name)?.Block(reason);
        }
    }

    private void AddSlice(ChannelSpace space, TensorProto tensor, int axis, int offset, ChannelSliceRole role) =>
        space.Root().Slices.Add((sequence++, new ChannelSlice(tensor, axis, offset, role)));

    /// <summary>Extra outputs (a pool's indices, a dropout mask, training-mode BN statistics) would carry the channels too.</summary>
    private bool ExtraOutputsUnused(NodeProto node) => node.Output.Skip(1).All(o => !index.IsUsed(o));

    private ShapeInferenceResult Shapes => shapes ??= ShapeInference.Run(index.Graph);

    private int? Rank(string tensor) => Shapes.ShapeOf(tensor)?.Length;

    /// <summary>The tensor's channel count (axis 1) when shape inference knows it.</summary>
    private int? ChannelsOf(string tensor) => Shapes.ShapeOf(tensor) is { Length: > 1 } s && s[1] > 0 ? checked((int)s[1]) : null;

    /// <summary>True for an absent optional input or a one-element tensor (a scalar activation parameter).</summary>
    private bool IsScalar(string tensor)
    {
        if (tensor.Length == 0)
        {
            return true;
        }

        var dims = index.Initializers.TryGetValue(tensor, out var t) ? [.. t.Dims] : Shapes.ShapeOf(tensor);
        return LayoutOf(tensor) is null && dims is not null && dims.All(d => d == 1);
    }
}
