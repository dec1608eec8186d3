using System.Diagnostics;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Pruning.Variants;
using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Structured (channel) pruning by weight norm: in every channel group of the model (see
/// <see cref="ChannelDependencyGraph"/>: single Convs, residual streams tied through Add, Conv outputs inside a Concat)
/// the <see cref="ChannelsToRemove"/> channels with the smallest L1 weight norm are removed by
/// <see cref="ChannelSurgery"/>. The result is a smaller dense model with the same input and output shapes.
/// </summary>
public static class ChannelPruner
{
    /// <summary>
    /// Channels removed from a Conv with <paramref name="channels"/> outputs at factor pf:
    /// min(M − 1, round(pf·M)) with halves rounded away from zero, so at least one channel always stays.
    /// </summary>
    public static int ChannelsToRemove(double pruningFactor, int channels) =>
        Math.Max(0, Math.Min(channels - 1, (int)Math.Round(pruningFactor * channels, MidpointRounding.AwayFromZero)));

    /// <summary>
    /// Channels kept out of <paramref name="channels"/>: M − r, rounded up to a multiple of <paramref name="multiple"/>
    /// (at most M) so vectorised kernels see whole blocks; multiple 1 keeps exactly M − r.
    /// </summary>
    public static int ChannelsToKeep(double pruningFactor, int channels, int multiple = 1)
    {
        var keep = channels - ChannelsToRemove(pruningFactor, channels);
        return Math.Min(channels, (keep + multiple - 1) / multiple * multiple);
    }

    /// <summary>Prunes <paramref name="model"/> in place at <paramref name="pruningFactor"/> in [0, <see cref="PruningFactor.Maximum"/>].</summary>
    /// <param name="model">The model, changed in place.</param>
    /// <param name="pruningFactor">Fraction of each channel group's channels to remove.</param>
    /// <param name="channelMultiple">Round the kept channel count up to this multiple (1: exact; 8 or 16 suit SIMD kernels).</param>
    public static ChannelPruningResult PruneInPlace(ModelProto model, double pruningFactor, int channelMultiple = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!PruningFactor.InRange(pruningFactor))
        {
            throw new EdgeInferInputException(FormattableString.Invariant(
                $"Invalid pruning options: pruning factor must be in {PruningFactor.RangeText}, got {pruningFactor}."));
        }

        if (channelMultiple < 1)
        {
            throw new EdgeInferInputException($"Invalid pruning options: channel multiple must be >= 1, got {channelMultiple}.");
        }

        var start = Stopwatch.GetTimestamp();
        var groups = ChannelDependencyGraph.Find(model);
        var keeps = groups.Select(g => Keep(g, ChannelsToKeep(pruningFactor, g.Channels, channelMultiple))).ToArray();
        var selected = Stopwatch.GetTimestamp();

        ChannelSurgery.Apply(model, [.. groups.Select((g, i) => (g, keeps[i]))]);

        var position = new Dictionary<NodeProto, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < model.Graph.Node.Count; i++)
        {
            position[model.Graph.Node[i]] = i;
        }

        var layers = groups
            .SelectMany((g, i) => g.Producers.Select(p => (Producer: p, Layer: new PrunedLayer(Name(p), g.Channels, keeps[i].Length))))
            .OrderBy(l => position[l.Producer])
            .Select(l => l.Layer)
            .ToList();
        return new ChannelPruningResult(
            layers,
            new Seconds(Stopwatch.GetElapsedTime(start, selected).TotalSeconds),
            new Seconds(Stopwatch.GetElapsedTime(selected).TotalSeconds));
    }

    /// <summary>
    /// Indices of the kept channels in ascending order: the <paramref name="keep"/> largest L1 norms (ties: lower index
    /// removed first). A channel's norm is the sum over the producers of its weight row's L1 norm (one producer unless the
    /// group is <see cref="ChannelGroupKind.Residual"/>).
    /// </summary>
    private static int[] Keep(ChannelGroup group, int keep)
    {
        var remove = group.Channels - keep;
        if (remove == 0)
        {
            return [.. Enumerable.Range(0, group.Channels)];
        }

        var norms = new double[group.Channels];
        foreach (var weight in group.ProducerWeights)
        {
            var rows = TensorSlicer.RowL1Norms(weight);
            for (var c = 0; c < norms.Length; c++)
            {
                norms[c] += rows[c];
            }
        }

        return [.. Enumerable.Range(0, group.Channels).OrderBy(c => norms[c]).ThenBy(c => c).Skip(remove).Order()];
    }

    private static string Name(NodeProto node) => node.Name.Length > 0 ? node.Name : node.Output[0];
}
