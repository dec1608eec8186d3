using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>The rules per operator: what a use of a channel-carrying tensor slices, or why it blocks.</summary>
internal sealed partial class ChannelGraphWalker
{
    /// <summary>Ops that act on each channel alone (spatially at most) and keep axis 1: their output has their input's layout.</summary>
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "Relu", "LeakyRelu", "Elu", "Selu", "Celu", "Sigmoid", "HardSigmoid", "HardSwish", "Tanh", "Softplus", "Softsign", "Clip",
        "Identity", "Dropout", "MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool",
    };

    /// <summary>Binary element-wise ops with NumPy broadcasting.</summary>
    private static readonly HashSet<string> Elementwise = new(StringComparer.Ordinal) { "Add", "Sub", "Mul", "Div" };

    private void VisitConv(NodeProto node)
    {
        var name = Name(node);
        BlockReads(node, i => i == 0, $"reaches a weight or bias input of Conv '{name}'");
        var input = LayoutOf(node.Input[0]);
        var weight = node.Input.Count > 1 ? index.OwnedFloatInitializer(node.Input[1]) : null;
        if (weight is not { Dims.Count: 4 } || !TryBias(node, weight.Dims[0], out var bias))
        {
            input?.Block($"reaches Conv '{name}', whose weight or bias is shared, computed, not FLOAT or not 4-D");
            return;
        }

        var group = GraphIndex.IntAttribute(node, "group", 1);
        var outChannels = checked((int)weight.Dims[0]);
        if (input is not null && group > 1 && group == input.Channels && outChannels == group && weight.Dims[1] == 1)
        {
            // Depthwise: channel c in, channel c out, so the channels pass through and the Convs after it consume them.
            foreach (var (space, segment) in input.Spaces)
            {
                AddSlice(space, weight, 0, segment.Offset, ChannelSliceRole.Depthwise);
                if (bias is not null)
                {
                    AddSlice(space, bias, 0, segment.Offset, ChannelSliceRole.Depthwise);
                }

                space.Depthwise.Add((position, node));
            }

            layouts[node.Output[0]] = input;
            return;
        }

        if (input is not null)
        {
            if (group == 1 && weight.Dims[1] == input.Channels)
            {
                foreach (var (space, segment) in input.Spaces)
                {
                    AddSlice(space, weight, 1, segment.Offset, ChannelSliceRole.ConsumerWeight);
                    space.Consumers.Add((position, new ChannelConsumer(node, node.Input[0], segment.Offset, input.Channels)));
                }
            }
            else
            {
                input.Block($"reaches grouped Conv '{name}' (group {group}), whose input channels shrink only by whole groups");
            }
        }

        if (group == 1 && outChannels > 0)
        {
            var space = new ChannelSpace(position, outChannels);
            space.Producers.Add((position, node));
            AddSlice(space, weight, 0, 0, ChannelSliceRole.ProducerWeight);
            if (bias is not null)
            {
                AddSlice(space, bias, 0, 0, ChannelSliceRole.ProducerBias);
            }

            spaces.Add(space);
            layouts[node.Output[0]] = ChannelLayout.Of(space);
        }
    }

    /// <summary>No bias, or an owned FLOAT bias of <paramref name="channels"/> elements.</summary>
    private bool TryBias(NodeProto conv, long channels, out TensorProto? bias)
    {
        bias = null;
        if (conv.Input.Count < 3 || conv.Input[2].Length == 0)
        {
            return true;
        }

        bias = index.OwnedFloatInitializer(conv.Input[2]) is { Dims: [var n] } b && n == channels ? b : null;
        return bias is not null;
    }

    private void VisitBatchNorm(NodeProto node)
    {
        var name = Name(node);
        BlockReads(node, i => i == 0, $"reaches a parameter input of BatchNormalization '{name}'");
        if (LayoutOf(node.Input[0]) is not { } input)
        {
            return;
        }

        var parameters = node.Input.Count == 5 ? node.Input.Skip(1).Select(index.OwnedFloatInitializer).ToArray() : [];
        if (parameters.Length != 4 || parameters.Any(p => p is not { Dims: [var n] } || n != input.Channels) || !ExtraOutputsUnused(node))
        {
            input.Block($"reaches BatchNormalization '{name}', whose parameters are shared, computed or not one per channel");
            return;
        }

        foreach (var (space, segment) in input.Spaces)
        {
            foreach (var parameter in parameters)
            {
                AddSlice(space, parameter!, 0, segment.Offset, ChannelSliceRole.BatchNorm);
            }
        }

        layouts[node.Output[0]] = input;
    }

    private void VisitPassThrough(NodeProto node)
    {
        var name = Name(node);
        BlockReads(node, i => i == 0, $"reaches a parameter input of {node.OpType} '{name}'");
        if (node.Input.Count == 0 || LayoutOf(node.Input[0]) is not { } input)
        {
            return;
        }

        if (!ExtraOutputsUnused(node) || !node.Input.Skip(1).All(IsScalar))
        {
            input.Block($"reaches {node.OpType} '{name}', which has per-channel parameters or a used extra output");
            return;
        }

        layouts[node.Output[0]] = input;
    }

    private void VisitElementwise(NodeProto node)
    {
        var name = Name(node);
        if (node.Input.Count != 2)
        {
            BlockReads(node, _ => false, $"reaches {node.OpType} '{name}'");
            return;
        }

        var a = LayoutOf(node.Input[0]);
        var b = LayoutOf(node.Input[1]);
        if (a is not null && b is not null)
        {
            Tie(node, a, b);
            return;
        }

        if ((a ?? b) is not { } layout)
        {
            return;
        }

        var other = a is null ? node.Input[0] : node.Input[1];
        var ownRank = Rank(a is null ? node.Input[1] : node.Input[0]);
        if (IsScalar(other))
        {
            layouts[node.Output[0]] = layout;
        }
        else if (ownRank is { } rank && PerChannelAxis(other, rank, layout.Channels) is var (tensor, axis))
        {
            foreach (var (space, segment) in layout.Spaces)
            {
                AddSlice(space, tensor, axis, segment.Offset, ChannelSliceRole.PerChannel);
            }

            layouts[node.Output[0]] = layout;
        }
        else
        {
            layout.Block($"meets '{other}' in {node.OpType} '{name}', which is neither a scalar nor an owned per-channel initializer");
        }
    }

    /// <summary>
    /// An owned initializer that broadcasts one value per channel against a rank-<paramref name="rank"/> activation
    /// (e.g. [C, 1, 1] or [1, C, 1, 1] against [N, C, H, W]), and its axis that lines up with the channel axis 1.
    /// </summary>
    private (TensorProto Tensor, int Axis)? PerChannelAxis(string name, int rank, int channels)
    {
        if (index.OwnedFloatInitializer(name) is not { } tensor || tensor.Dims.Count > rank)
        {
            return null;
        }

        var axis = tensor.Dims.Count - rank + 1;
        var fits = axis >= 0 && tensor.Dims[axis] == channels && tensor.Dims.Where((d, i) => i != axis).All(d => d == 1);
        return fits ? (tensor, axis) : null;
    }

    /// <summary>Both operands carry channels: channel c of one is channel c of the other, so their producers join one set.</summary>
    private void Tie(NodeProto node, ChannelLayout a, ChannelLayout b)
    {
        var name = Name(node);
        var aligned = a.Segments.Count == b.Segments.Count
            && a.Segments.Zip(b.Segments).All(p => p.First.Offset == p.Second.Offset && p.First.Channels == p.Second.Channels)
            && Rank(node.Input[0]) == Rank(node.Input[1]);
        if (!aligned)
        {
            a.Block($"meets differently laid out channels in {node.OpType} '{name}'");
            b.Block($"meets differently laid out channels in {node.OpType} '{name}'");
            return;
        }

        var merged = new List<ChannelSegment>(a.Segments.Count);
        foreach (var (x, y) in a.Segments.Zip(b.Segments))
        {
            if (x.Space is not null && y.Space is not null)
            {
                merged.Add(x with { Space = ChannelSpace.Union(x.Space, y.Space) });
            }
            else
            {
                (x.Space ?? y.Space)?.Block($"meets channels that cannot be pruned in {node.OpType} '{name}'");
                merged.Add(x with { Space = x.Space ?? y.Space });
            }
        }

        layouts[node.Output[0]] = new ChannelLayout(merged);
    }

    private void VisitConcat(NodeProto node)
    {
        var name = Name(node);
        var inputs = node.Input.Select(LayoutOf).ToArray();
        if (inputs.All(l => l is null))
        {
            return;
        }

        var axis = GraphIndex.IntAttribute(node, "axis", 1);
        if (axis < 0 && Rank(node.Input[Array.FindIndex(inputs, l => l is not null)]) is { } rank)
        {
            axis += rank;
        }

        var segments = axis == 1 ? ConcatSegments(node, inputs) : null;
        if (segments is null)
        {
            BlockReads(node, _ => false, $"reaches Concat '{name}', which is not along the channel axis or has an operand of unknown width");
            return;
        }

        var output = new ChannelLayout(segments);
        foreach (var (space, _) in output.Spaces)
        {
            space.InConcat = true;
        }

        layouts[node.Output[0]] = output;
    }

    /// <summary>The operands' segments one after another along axis 1; null when an operand's width is unknown.</summary>
    private List<ChannelSegment>? ConcatSegments(NodeProto node, ChannelLayout?[] inputs)
    {
        var segments = new List<ChannelSegment>();
        var offset = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is { } layout)
            {
                segments.AddRange(layout.Segments.Select(s => s with { Offset = offset + s.Offset }));
                offset += layout.Channels;
            }
            else if (ChannelsOf(node.Input[i]) is { } channels)
            {
                segments.Add(new ChannelSegment(null, offset, channels));
                offset += channels;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }
}
