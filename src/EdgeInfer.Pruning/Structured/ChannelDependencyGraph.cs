using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// A dependency graph of output channels over an ONNX graph (as Torch-Pruning's DepGraph is over PyTorch modules): which
/// Conv output channels are tied together, and every initializer, depthwise Conv and consuming Conv that indexes them.
/// A channel may be removed only when every tensor that carries it can be sliced consistently.
/// </summary>
/// <remarks>
/// <para>
/// The walk follows a producer's channels (a Conv with group 1 and an owned FLOAT weight) through per-channel ops
/// (BatchNormalization, activations with scalar parameters, MaxPool/AveragePool/global pools, Identity, Dropout),
/// depthwise Convs, binary element-wise ops (Add/Sub/Mul/Div: two channel-carrying operands with the same layout tie
/// their producers into one <see cref="ChannelGroupKind.Residual"/> group; a scalar or an owned per-channel initializer
/// operand is fine) and Concat on axis 1 (each operand's channels sit at an offset of the output) to the Convs that
/// consume them.
/// </para>
/// <para>
/// Anything else a channel reaches leaves its group whole (see <see cref="BlockedChannels"/>): a graph output, Flatten,
/// Gemm, Reshape, MatMul, Transpose or any other op; a broadcast operand that is not per-channel; an initializer shared
/// between nodes or listed as a graph input; a grouped (non-depthwise) Conv; two operands laid out differently; a Concat
/// on another axis. In the catalog networks a stream that ends in the classifier head (… → GlobalAveragePool →
/// Flatten → Gemm: ResNet-152's last stage, DenseNet-201's last dense block, MobileNet's last pointwise Conv) stays
/// whole: slicing the head's Gemm is not handled.
/// </para>
/// </remarks>
public static class ChannelDependencyGraph
{
    /// <summary>The prunable channel groups of <paramref name="model"/>: disjoint, ordered by their first producer's node.</summary>
    /// <exception cref="ArgumentException">The model has no graph.</exception>
    public static IReadOnlyList<ChannelGroup> Find(ModelProto model) => Analyze(model).Groups;

    /// <summary>
    /// The prunable groups and the producers' channels that must stay whole, with the reason. A graph that is not in
    /// topological order (which ONNX requires) has neither.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no graph.</exception>
    public static ChannelDependencies Analyze(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw new ArgumentException("The model has no graph.", nameof(model));
        var groups = new List<ChannelGroup>();
        var blocked = new List<BlockedChannels>();
        foreach (var space in new ChannelGraphWalker(new GraphIndex(graph)).Walk())
        {
            var producers = space.Producers.OrderBy(p => p.Position).Select(p => p.Node).ToList();
            var id = ChannelGraphWalker.Name(producers[0]);
            var reason = space.BlockReason ?? (space.Consumers.Count == 0 ? "reaches no Conv" : null);
            if (reason is not null)
            {
                blocked.Add(new BlockedChannels(id, space.Channels, producers, reason));
                continue;
            }

            groups.Add(new ChannelGroup
            {
                Id = id,
                Kind = producers.Count > 1 ? ChannelGroupKind.Residual : space.InConcat ? ChannelGroupKind.Concat : ChannelGroupKind.Single,
                Channels = space.Channels,
                Producers = producers,
                Slices = [.. space.Slices
                    .OrderBy(s => s.Slice.Role == ChannelSliceRole.ProducerWeight ? 0 : 1)
                    .ThenBy(s => s.Sequence)
                    .Select(s => s.Slice)],
                Depthwise = [.. space.Depthwise.OrderBy(d => d.Position).Select(d => d.Node).Distinct()],
                Consumers = [.. space.Consumers.OrderBy(c => c.Position).ThenBy(c => c.Consumer.Offset).Select(c => c.Consumer)],
            });
        }

        return new ChannelDependencies(groups, blocked);
    }
}
