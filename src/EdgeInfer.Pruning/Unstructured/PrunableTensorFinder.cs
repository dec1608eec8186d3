using EdgeInfer.Pruning.IO;
using Onnx;

namespace EdgeInfer.Pruning.Unstructured;

/// <summary>Finds the weight initializers that magnitude pruning may zero, from the graph's operators (never from names).</summary>
internal static class PrunableTensorFinder
{
    /// <summary>The prunable tensors in initializer order (the deterministic tie-breaking order); shared weights appear once.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">Which weights to leave dense.</param>
    /// <param name="external">Initializer index → values held outside the protos (zero-copy file buffer), or null.</param>
    public static IReadOnlyList<FloatTensor> Find(
        GraphProto graph, MagnitudePruningOptions options, IReadOnlyDictionary<int, Memory<byte>>? external = null)
    {
        var initializerIndex = new Dictionary<string, int>(graph.Initializer.Count);
        for (var i = 0; i < graph.Initializer.Count; i++)
        {
            initializerIndex.TryAdd(graph.Initializer[i].Name, i);
        }

        var weights = WeightOperands(graph, initializerIndex);
        var excluded = KeptDense(weights, options);
        var indices = new SortedSet<int>();
        foreach (var (name, _) in weights)
        {
            if (!excluded.Contains(name) && initializerIndex.TryGetValue(name, out var index) && FloatTensor.IsSupported(graph.Initializer[index]))
            {
                indices.Add(index);
            }
        }

        var result = new List<FloatTensor>(indices.Count);
        foreach (var index in indices)
        {
            var tensor = external is null ? FloatTensor.Of(graph.Initializer[index], index)
                : external.TryGetValue(index, out var bytes) ? FloatTensor.External(graph.Initializer[index], index, bytes)
                : null;
            if (tensor is { Count: > 0 } && tensor.Count >= options.MinimumTensorElements)
            {
                result.Add(tensor);
            }
        }

        return result;
    }

    /// <summary>The weight operand of every Conv, Gemm and MatMul, in node order (for Gemm/MatMul the initializer operand).</summary>
    private static List<(string Name, string OpType)> WeightOperands(GraphProto graph, Dictionary<string, int> initializerIndex)
    {
        var weights = new List<(string Name, string OpType)>();
        foreach (var node in graph.Node)
        {
            switch (node.OpType)
            {
                case "Conv" when node.Input.Count > 1:
                    weights.Add((node.Input[1], node.OpType));
                    break;
                case "Gemm" when node.Input.Count > 1:
                case "MatMul" when node.Input.Count > 1:
                    var operand = initializerIndex.ContainsKey(node.Input[1]) ? node.Input[1] : node.Input[0];
                    weights.Add((operand, node.OpType));
                    break;
            }
        }

        return weights;
    }

    /// <summary>The weights the options keep dense: the first Conv's and the last Gemm/MatMul's (the classifier).</summary>
    private static HashSet<string> KeptDense(List<(string Name, string OpType)> weights, MagnitudePruningOptions options)
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (options.KeepFirstConvDense && weights.FirstOrDefault(w => w.OpType == "Conv") is { Name: not null } first)
        {
            excluded.Add(first.Name);
        }

        if (options.KeepClassifierDense && weights.LastOrDefault(w => w.OpType is "Gemm" or "MatMul") is { Name: not null } classifier)
        {
            excluded.Add(classifier.Name);
        }

        return excluded;
    }
}
