using System.Diagnostics;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Pruning.Variants;
using Onnx;

namespace EdgeInfer.Pruning.Structured;

/// <summary>
/// Structured (channel) pruning: in every prunable Conv (see <see cref="ChannelGroupFinder"/>) the
/// <see cref="ChannelsToRemove"/> output channels with the smallest L1 weight norm are removed, with the graph surgery
/// that keeps the model valid. The result is a smaller dense model with the same input and output shapes.
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
    /// <param name="pruningFactor">Fraction of each prunable Conv's output channels to remove.</param>
    /// <param name="channelMultiple">Round the kept channel count up to this multiple (1: exact; 8 or 16 suit SIMD kernels).</param>
    public static ChannelPruningResult PruneInPlace(ModelProto model, double pruningFactor, int channelMultiple = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!PruningFactor.InRange(pruningFactor))
        {
            throw new EdgeInferInputException(FormattableString.Invariant(
                $"Invalid pruning options: pruning factor must be in {PruningFactor.RangeText}, got {pruningFactor}."));
        }

        var start = Stopwatch.GetTimestamp();
        var groups = ChannelGroupFinder.Find(new GraphIndex(model.Graph));
        if (channelMultiple < 1)
        {
            throw new EdgeInferInputException($"Invalid pruning options: channel multiple must be >= 1, got {channelMultiple}.");
        }

        var keeps = groups.Select(g => Keep(g, ChannelsToKeep(pruningFactor, g.Channels, channelMultiple))).ToArray();
        var selected = Stopwatch.GetTimestamp();

        for (var i = 0; i < groups.Count; i++)
        {
            if (keeps[i].Length == groups[i].Channels)
            {
                continue;
            }

            foreach (var tensor in groups[i].Axis0)
            {
                TensorSlicer.Slice(tensor, 0, keeps[i]);
            }

            foreach (var tensor in groups[i].Axis1)
            {
                TensorSlicer.Slice(tensor, 1, keeps[i]);
            }

            foreach (var node in groups[i].Depthwise)
            {
                node.Attribute.Single(a => a.Name == "group").I = keeps[i].Length;
            }
        }

        if (groups.Where((g, i) => keeps[i].Length < g.Channels).Any())
        {
            // Intermediate shape hints are now stale; ONNX Runtime infers them again.
            model.Graph.ValueInfo.Clear();
        }

        var layers = groups.Select((g, i) => new PrunedLayer(Name(g.Producer), g.Channels, keeps[i].Length)).ToList();
        return new ChannelPruningResult(
            layers,
            new Seconds(Stopwatch.GetElapsedTime(start, selected).TotalSeconds),
            new Seconds(Stopwatch.GetElapsedTime(selected).TotalSeconds));
    }

    /// <summary>Indices of the kept channels in ascending order: the <paramref name="keep"/> largest L1 norms (ties: lower index removed first).</summary>
    private static int[] Keep(ChannelGroup group, int keep)
    {
        var remove = group.Channels - keep;
        if (remove == 0)
        {
            return [.. Enumerable.Range(0, group.Channels)];
        }

        var norms = TensorSlicer.RowL1Norms(group.Weight);
        return [.. Enumerable.Range(0, group.Channels).OrderBy(c => norms[c]).ThenBy(c => c).Skip(remove).Order()];
    }

    private static string Name(NodeProto node) => node.Name.Length > 0 ? node.Name : node.Output[0];
}
