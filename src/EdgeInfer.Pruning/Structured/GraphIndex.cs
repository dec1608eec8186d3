using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>Who produces and who consumes each tensor of a graph, and how often each initializer is used.</summary>
internal sealed class GraphIndex
{
    private readonly Dictionary<string, List<(NodeProto Node, int Input)>> consumers = new(StringComparer.Ordinal);

    public GraphIndex(GraphProto graph)
    {
        Graph = graph;
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
        }

        foreach (var output in graph.Output)
        {
            GraphOutputs.Add(output.Name);
        }
    }

    public GraphProto Graph { get; }

    public Dictionary<string, TensorProto> Initializers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> GraphOutputs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<(NodeProto Node, int Input)> Consumers(string tensor) =>
        consumers.TryGetValue(tensor, out var list) ? list : [];

    /// <summary>An initializer used by exactly one node input (so slicing it changes nothing else), FLOAT only.</summary>
    public TensorProto? OwnedFloatInitializer(string name) =>
        Initializers.TryGetValue(name, out var t) && Consumers(name).Count == 1 && IO.FloatTensor.IsSupported(t) ? t : null;

    /// <summary>The single consumer of <paramref name="tensor"/>, when it has exactly one and is not a graph output.</summary>
    public (NodeProto Node, int Input)? SingleConsumer(string tensor) =>
        !GraphOutputs.Contains(tensor) && Consumers(tensor) is [var only] ? only : null;

    public static long IntAttribute(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;
}
