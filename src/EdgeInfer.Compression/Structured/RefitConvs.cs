using EdgeInfer.Pruning.Structured;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>Finds the Convs to re-fit (every consumer of a channel group) and what they need before the original pass.</summary>
internal static class RefitConvs
{
    /// <summary>The consumers of <paramref name="groups"/>, in node order, each with one accumulator per group it reads.</summary>
    public static List<RefitConv> Build(ModelProto model, IReadOnlyList<ChannelGroup> groups)
    {
        var graph = model.Graph;
        var byNode = new Dictionary<NodeProto, List<(int Group, ChannelConsumer Consumer)>>(ReferenceEqualityComparer.Instance);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var consumer in groups[g].Consumers)
            {
                if (!byNode.TryGetValue(consumer.Conv, out var list))
                {
                    byNode[consumer.Conv] = list = [];
                }

                list.Add((g, consumer));
            }
        }

        var convs = new List<RefitConv>();
        foreach (var node in graph.Node.Where(byNode.ContainsKey))
        {
            var weightTensor = ConvParameters.Initializer(graph, node.Input[1]);
            var dims = weightTensor.Dims.Select(d => (int)d).ToArray();
            var weights = ConvParameters.Read(weightTensor);
            var conv = new RefitConv(convs.Count, node, weights, dims[0], dims[1], dims[2], dims[3], OutputWeights(graph, node, dims[0]));
            foreach (var (g, consumer) in byNode[node])
            {
                conv.Contributions.Add(new ContributionAccumulator(g, consumer.Offset, groups[g].Channels, dims[0]));
            }

            convs.Add(conv);
        }

        return convs;
    }

    /// <summary>(γ/√(σ²+ε))² of a BatchNormalization that reads the Conv's output, else 1 per output channel.</summary>
    private static double[] OutputWeights(GraphProto graph, NodeProto conv, int outputs)
    {
        var bn = graph.Node.FirstOrDefault(n => n.OpType == "BatchNormalization" && n.Input.Count == 5 && n.Input[0] == conv.Output[0]);
        var weights = Enumerable.Repeat(1.0, outputs).ToArray();
        if (bn is null || graph.Initializer.FirstOrDefault(t => t.Name == bn.Input[1]) is not { } gamma
            || graph.Initializer.FirstOrDefault(t => t.Name == bn.Input[4]) is not { } variance)
        {
            return weights;
        }

        var epsilon = bn.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
        var g = ConvParameters.Read(gamma);
        var v = ConvParameters.Read(variance);
        if (g.Length != outputs || v.Length != outputs)
        {
            return weights;
        }

        for (var o = 0; o < outputs; o++)
        {
            weights[o] = g[o] * (double)g[o] / (v[o] + epsilon);
        }

        return weights;
    }
}
