using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// The output channels of one producing Conv while the graph is walked: a union-find node, merged with others when an
/// element-wise op ties their channels. Only the root of a set holds the lists and the block reason.
/// </summary>
internal sealed class ChannelSpace(int order, int channels)
{
    private ChannelSpace? parent;

    /// <summary>Creation order (the producer's node order), so merged sets keep the earliest producer's identity.</summary>
    public int Order { get; } = order;

    public int Channels { get; } = channels;

    /// <summary>Why the channels must stay whole; null while they are prunable.</summary>
    public string? BlockReason { get; private set; }

    public bool InConcat { get; set; }

    public List<(int Position, NodeProto Node)> Producers { get; } = [];

    public List<(int Sequence, ChannelSlice Slice)> Slices { get; } = [];

    public List<(int Position, NodeProto Node)> Depthwise { get; } = [];

    public List<(int Position, ChannelConsumer Consumer)> Consumers { get; } = [];

    public ChannelSpace Root()
    {
        var root = this;
        while (root.parent is not null)
        {
            root = root.parent;
        }

        // Path compression keeps later look-ups O(1) on the long residual chains of ResNet-152.
        for (var s = this; s.parent is not null;)
        {
            var next = s.parent;
            s.parent = root;
            s = next;
        }

        return root;
    }

    /// <summary>Keeps the first reason met: it is the one a reader can act on.</summary>
    public void Block(string reason)
    {
        var root = Root();
        root.BlockReason ??= reason;
    }

    /// <summary>Merges the sets of <paramref name="a"/> and <paramref name="b"/> (same channel count) into the older root.</summary>
    public static ChannelSpace Union(ChannelSpace a, ChannelSpace b)
    {
        var x = a.Root();
        var y = b.Root();
        if (ReferenceEquals(x, y))
        {
            return x;
        }

        if (y.Order < x.Order)
        {
            (x, y) = (y, x);
        }

        y.parent = x;
        x.InConcat |= y.InConcat;
        x.BlockReason ??= y.BlockReason;
        x.Producers.AddRange(y.Producers);
        x.Slices.AddRange(y.Slices);
        x.Depthwise.AddRange(y.Depthwise);
        x.Consumers.AddRange(y.Consumers);
        y.Producers.Clear();
        y.Slices.Clear();
        y.Depthwise.Clear();
        y.Consumers.Clear();
        return x;
    }
}
