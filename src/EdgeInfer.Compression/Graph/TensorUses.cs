using Onnx;

namespace EdgeInfer.Compression.Graph;

/// <summary>
/// Who produces and who consumes each tensor of a graph, the initializers by name, and the graph outputs: a snapshot
/// taken once, valid until the graph's nodes change.
/// </summary>
internal sealed class TensorUses
{
    private readonly Dictionary<string, List<(NodeProto Node, int Input)>> consumers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeProto> producers = new(StringComparer.Ordinal);

    public TensorUses(GraphProto graph)
    {
        foreach (var t in graph.Initializer)
        {
            Initializers.TryAdd(t.Name, t);
        }

        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i].Length == 0)
                {
                    continue;
                }

                if (!consumers.TryGetValue(node.Input[i], out var list))
                {
                    consumers[node.Input[i]] = list = [];
                }

                list.Add((node, i));
            }

            foreach (var output in node.Output)
            {
                if (output.Length > 0)
                {
                    producers[output] = node;
                }
            }
        }

        GraphOutputs.UnionWith(graph.Output.Select(o => o.Name));
    }

    public Dictionary<string, TensorProto> Initializers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> GraphOutputs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<(NodeProto Node, int Input)> Consumers(string tensor) =>
        consumers.TryGetValue(tensor, out var list) ? list : [];

    public NodeProto? Producer(string tensor) => producers.GetValueOrDefault(tensor);

    /// <summary>The one node reading <paramref name="tensor"/>, when it has exactly one reader and is not a graph output.</summary>
    public NodeProto? SingleConsumer(string tensor) =>
        !GraphOutputs.Contains(tensor) && Consumers(tensor) is [var only] ? only.Node : null;

    /// <summary>A float initializer named <paramref name="name"/> that holds its values, or null.</summary>
    public TensorProto? FloatInitializer(string name) =>
        Initializers.TryGetValue(name, out var t)
            && t.DataType == (int)TensorProto.Types.DataType.Float
            && Models.TensorData.Validate(t) is null
            ? t
            : null;

    public static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;

    public static float Float(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.F : fallback;

    /// <summary>Removes initializers (and graph inputs of the same name) that no node reads and no graph output names.</summary>
    public static int RemoveUnusedInitializers(GraphProto graph)
    {
        var used = new HashSet<string>(graph.Node.SelectMany(n => n.Input), StringComparer.Ordinal);
        used.UnionWith(graph.Output.Select(o => o.Name));
        var unused = graph.Initializer.Where(t => !used.Contains(t.Name)).ToList();
        foreach (var t in unused)
        {
            graph.Initializer.Remove(t);
            if (graph.Input.FirstOrDefault(i => i.Name == t.Name) is { } input)
            {
                graph.Input.Remove(input);
            }
        }

        return unused.Count;
    }
}
