using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>Who produces and who consumes each tensor of a graph, and how often each initializer is used.</summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, List<(NodeProto Node, int Input)>> consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> graphInputs = new(StringComparer.Ordinal);

    public GraphIndex(GraphProto graph)
    {
        Graph = graph;
        foreach (var t in graph.Initializer)
        {
            Initializers.TryAdd(t.Name, t);
        }

        for (var position = 0; position < graph.Node.Count; position++)
        {
            var node = graph.Node[position];
            for (var i = 0; i < node.Input.Count; i++)
            {
                AddConsumer(node.Input[i], node, i);
            }

            // A subgraph (If, Loop, Scan) may read outer tensors by name: such a read counts as a use by its node (input −1).
            foreach (var name in SubgraphReads(node))
            {
                AddConsumer(name, node, -1);
            }

            foreach (var output in node.Output.Where(o => o.Length > 0))
            {
                Positions.TryAdd(output, position);
            }
        }

        GraphOutputs.UnionWith(graph.Output.Select(o => o.Name));
        graphInputs.UnionWith(graph.Input.Select(i => i.Name));
    }

    public GraphProto Graph { get; }

    public Dictionary<string, TensorProto> Initializers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> GraphOutputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The node position (in <see cref="GraphProto.Node"/>) that produces each tensor.</summary>
    public Dictionary<string, int> Positions { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<(NodeProto Node, int Input)> Consumers(string tensor) =>
        consumers.TryGetValue(tensor, out var list) ? list : [];

    /// <summary>
    /// An initializer used by exactly one node input (so slicing it changes nothing else), FLOAT only, neither a graph
    /// output nor an overridable graph input (slicing those would change the model's interface).
    /// </summary>
    public TensorProto? OwnedFloatInitializer(string name) =>
        Initializers.TryGetValue(name, out var t) && Consumers(name).Count == 1 && IO.FloatTensor.IsSupported(t)
        && !GraphOutputs.Contains(name) && !graphInputs.Contains(name)
            ? t
            : null;

    /// <summary>True when some node or graph output reads <paramref name="tensor"/>.</summary>
    public bool IsUsed(string tensor) => tensor.Length > 0 && (Consumers(tensor).Count > 0 || GraphOutputs.Contains(tensor));

    public static long IntAttribute(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;

    /// <summary>Every tensor name read by a node inside <paramref name="node"/>'s subgraphs, at any depth.</summary>
    public static IEnumerable<string> SubgraphReads(NodeProto node) =>
        node.Attribute
            .SelectMany(a => a.G is null ? a.Graphs : a.Graphs.Prepend(a.G))
            .SelectMany(g => g.Node)
            .SelectMany(n => n.Input.Where(i => i.Length > 0).Concat(SubgraphReads(n)))
            .Distinct(StringComparer.Ordinal);

    private void AddConsumer(string tensor, NodeProto node, int input)
    {
        if (tensor.Length == 0)
        {
            return;
        }

        if (!consumers.TryGetValue(tensor, out var list))
        {
            consumers[tensor] = list = [];
        }

        list.Add((node, input));
    }
}
