using Onnx;

namespace EdgeInfer.Models.Inspection;

/// <summary>
/// Structural checks of an ONNX model: it has a graph, an IR version and an opset; every node input is produced by an
/// earlier node, an initializer or a graph input; every graph output is produced; initializer data matches the dims;
/// and shapes are consistent under <see cref="ShapeInference"/>. These catch files that are not ONNX or are truncated
/// at a field boundary (which a protobuf parser alone accepts).
/// </summary>
public static class ModelValidator
{
    /// <summary>Every problem found, in words; empty for a valid model. Shape-only initializers are accepted when <paramref name="allowShapeOnly"/>.</summary>
    public static IReadOnlyList<string> Validate(ModelProto model, bool allowShapeOnly = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = new List<string>();
        if (model.IrVersion <= 0)
        {
            problems.Add("it has no ir_version");
        }

        if (model.OpsetImport.Count == 0)
        {
            problems.Add("it has no opset_import");
        }

        var graph = model.Graph;
        if (graph is null)
        {
            problems.Add("it has no graph");
            return problems;
        }

        if (graph.Node.Count == 0)
        {
            problems.Add("the graph has no nodes");
        }

        if (graph.Output.Count == 0)
        {
            problems.Add("the graph has no outputs");
        }

        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var init in graph.Initializer)
        {
            defined.Add(init.Name);
            if (TensorData.Validate(init, allowShapeOnly) is { } problem)
            {
                problems.Add(problem);
            }
        }

        defined.UnionWith(graph.Input.Select(i => i.Name));
        foreach (var node in graph.Node)
        {
            foreach (var input in node.Input.Where(i => i.Length > 0 && !defined.Contains(i)))
            {
                problems.Add($"node {node.OpType} '{ShapeInference.NodeName(node)}' reads '{input}', which nothing before it produces");
            }

            defined.UnionWith(node.Output.Where(o => o.Length > 0));
        }

        problems.AddRange(graph.Output.Where(o => !defined.Contains(o.Name)).Select(o => $"graph output '{o.Name}' is never produced"));
        if (problems.Count == 0)
        {
            problems.AddRange(ShapeInference.Run(graph).Problems);
        }

        return problems;
    }

    /// <summary>The graph's real inputs: graph inputs that are not initializers (older models list weights as inputs too).</summary>
    public static IEnumerable<ValueInfoProto> RealInputs(GraphProto graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        return graph.Input.Where(i => !initializers.Contains(i.Name));
    }
}
