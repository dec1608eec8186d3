using System.Diagnostics.CodeAnalysis;

namespace EdgeInfer.Pruning.Structured;

/// <summary>How the channels of a <see cref="ChannelGroup"/> are tied together in the graph.</summary>
public enum ChannelGroupKind
{
    /// <summary>
    /// One Conv's output channels that reach only Convs (through per-channel ops: BatchNormalization, activations,
    /// pools, depthwise Convs), never an Add or a Concat: a ResNet bottleneck's inner convs, a MobileNet pointwise conv.
    /// </summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The kind's name in the pruning literature; no float in sight.")]
    Single,

    /// <summary>
    /// The output channels of several Convs tied through element-wise ops with two activation operands (a residual
    /// <c>Add</c>, an SE block's <c>Mul</c>): channel c of every producer is removed together, as one channel of the stream.
    /// </summary>
    Residual,

    /// <summary>
    /// One Conv's output channels that also travel inside a channel <c>Concat</c>'s output (a DenseNet layer's growth
    /// channels, a transition conv's output); every consumer of the Concat slices them at their offset there.
    /// </summary>
    Concat,
}
