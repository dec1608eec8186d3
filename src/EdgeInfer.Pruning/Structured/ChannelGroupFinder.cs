using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Recognises prunable channel groups from the graph's structure (never from names): a Conv (group 1) whose output,
/// after an optional BatchNormalization and activations, is consumed only by Convs as their data input — either
/// ordinary Convs (their input channels shrink) or depthwise Convs (group = channels; their channels, BatchNorm and
/// then the input channels of the Convs after them shrink too). Any other consumer (a residual Add, a dense Concat, a
/// pool, a graph output) or a shared initializer leaves the channels alone.
/// </summary>
internal static class ChannelGroupFinder
{
    private static readonly HashSet<string> Activations = new(StringComparer.Ordinal)
    {
        "Relu", "LeakyRelu", "Clip", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh",
    };

    public static IReadOnlyList<ChannelGroup> Find(GraphIndex index)
    {
        var groups = new List<ChannelGroup>();
        foreach (var node in index.Graph.Node)
        {
            if (node.OpType == "Conv" && GraphIndex.IntAttribute(node, "group", 1) == 1 && TryGroup(index, node) is { } group)
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    private static ChannelGroup? TryGroup(GraphIndex index, NodeProto producer)
    {
        if (producer.Input.Count < 2 || index.OwnedFloatInitializer(producer.Input[1]) is not { Dims.Count: 4 } weight)
        {
            return null;
        }

        var channels = (int)weight.Dims[0];
        var axis0 = new List<TensorProto> { weight };
        var axis1 = new List<TensorProto>();
        var depthwise = new List<NodeProto>();
        if (!TryBias(index, producer, channels, axis0) || !TryPerChannelTail(index, producer.Output[0], channels, axis0, out var tail))
        {
            return null;
        }

        var consumers = index.Consumers(tail);
        if (consumers.Count == 0 || index.GraphOutputs.Contains(tail))
        {
            return null;
        }

        foreach (var (consumer, input) in consumers)
        {
            if (consumer.OpType != "Conv" || input != 0 || consumer.Input.Count < 2
                || index.OwnedFloatInitializer(consumer.Input[1]) is not { Dims.Count: 4 } w)
            {
                return null;
            }

            var group = GraphIndex.IntAttribute(consumer, "group", 1);
            if (group == 1 && w.Dims[1] == channels)
            {
                axis1.Add(w);
            }
            else if (group == channels && w.Dims[0] == channels && w.Dims[1] == 1)
            {
                // Depthwise: its channels follow ours, and so do the input channels of the Convs after it.
                axis0.Add(w);
                depthwise.Add(consumer);
                if (!TryBias(index, consumer, channels, axis0)
                    || !TryPerChannelTail(index, consumer.Output[0], channels, axis0, out var dwTail)
                    || !TryPointwiseConsumers(index, dwTail, channels, axis1))
                {
                    return null;
                }
            }
            else
            {
                return null;
            }
        }

        return new ChannelGroup(producer, channels, axis0, axis1, depthwise);
    }

    private static bool TryBias(GraphIndex index, NodeProto conv, int channels, List<TensorProto> axis0)
    {
        if (conv.Input.Count < 3 || conv.Input[2].Length == 0)
        {
            return true;
        }

        if (index.OwnedFloatInitializer(conv.Input[2]) is { Dims: [var n] } bias && n == channels)
        {
            axis0.Add(bias);
            return true;
        }

        return false;
    }

    /// <summary>Follows single-consumer BatchNormalization and activation nodes; collects the BN parameters.</summary>
    private static bool TryPerChannelTail(GraphIndex index, string tensor, int channels, List<TensorProto> axis0, out string tail)
    {
        tail = tensor;
        while (index.SingleConsumer(tail) is { } next
            && (next.Node.OpType == "BatchNormalization" || Activations.Contains(next.Node.OpType))
            && next.Input == 0)
        {
            if (next.Node.OpType == "BatchNormalization")
            {
                if (next.Node.Output.Count != 1 || next.Node.Input.Count != 5)
                {
                    return false;
                }

                for (var i = 1; i < 5; i++)
                {
                    if (index.OwnedFloatInitializer(next.Node.Input[i]) is not { Dims: [var n] } p || n != channels)
                    {
                        return false;
                    }

                    axis0.Add(p);
                }
            }
            else if (next.Node.Input.Skip(1).Any(
                i => i.Length > 0 && index.Initializers.TryGetValue(i, out var t) && t.Dims.Aggregate(1L, (a, b) => a * b) != 1))
            {
                return false; // a per-channel activation parameter (PRelu-like) would need slicing too
            }

            tail = next.Node.Output[0];
        }

        return true;
    }

    private static bool TryPointwiseConsumers(GraphIndex index, string tensor, int channels, List<TensorProto> axis1)
    {
        var consumers = index.Consumers(tensor);
        if (consumers.Count == 0 || index.GraphOutputs.Contains(tensor))
        {
            return false;
        }

        foreach (var (consumer, input) in consumers)
        {
            if (consumer.OpType != "Conv" || input != 0 || GraphIndex.IntAttribute(consumer, "group", 1) != 1 || consumer.Input.Count < 2
                || index.OwnedFloatInitializer(consumer.Input[1]) is not { Dims.Count: 4 } w || w.Dims[1] != channels)
            {
                return false;
            }

            axis1.Add(w);
        }

        return true;
    }
}
