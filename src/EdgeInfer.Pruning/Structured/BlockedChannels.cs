using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Channels that <see cref="ChannelDependencyGraph"/> found tied together but must leave whole, and the first reason
/// it met (e.g. <c>reaches Flatten 'flatten'</c>: a residual stream that ends in the classifier head).
/// </summary>
/// <param name="Id">The first producer's node name (its first output when unnamed).</param>
/// <param name="Channels">Their channel count.</param>
/// <param name="Producers">The Convs that produce them, in node order.</param>
/// <param name="Reason">Why they cannot be removed, in words.</param>
public sealed record BlockedChannels(string Id, int Channels, IReadOnlyList<NodeProto> Producers, string Reason);
