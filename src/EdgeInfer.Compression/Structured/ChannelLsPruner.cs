using System.Diagnostics;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Structured;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// <c>channel-ls</c>: data-aware structured pruning with least-squares reconstruction and no training (ThiNet; He et al.
/// 2017). On calibration images it (1) ranks each channel group's channels by the reconstruction error of its consumers'
/// outputs (<see cref="ChannelRanking"/>), (2) keeps a uniform count per group (<see cref="ChannelLsOptions.Factor"/>) or
/// allocates counts to meet a MACs budget by measured sensitivity (<see cref="BudgetAllocator"/>), (3) removes the channels
/// (<see cref="ChannelSurgery"/>), (4) re-fits every consumer's weights and bias by ridge least squares, layer by layer,
/// inputs from the pruned network and targets from the original (<see cref="SequentialRefit"/>), and (5) corrects each
/// re-fitted output's per-channel statistics, folded into the weights. See docs/pruning.md.
/// </summary>
public static class ChannelLsPruner
{
    /// <summary>Prunes <paramref name="model"/> in place.</summary>
    /// <param name="model">The model (one image input, static spatial size), changed in place.</param>
    /// <param name="calibration">Calibration images preprocessed for the model (never the test images).</param>
    /// <param name="options">How much to remove and the method's knobs.</param>
    /// <param name="progress">Progress lines, or null.</param>
    /// <exception cref="Core.EdgeInferInputException">Invalid options, images that do not fit the model, or a budget that cannot be met.</exception>
    public static ChannelLsResult PruneInPlace(ModelProto model, CalibrationSet calibration, ChannelLsOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var clock = Stopwatch.StartNew();
        var groups = ChannelDependencyGraph.Find(model);
        var account = new MacsAccount(model, groups);
        var convs = RefitConvs.Build(model, groups);
        for (var g = 0; g < groups.Count; g++)
        {
            ChannelSurgeon.Select([.. convs.SelectMany(c => c.Contributions.Where(a => a.Group == g))]);
        }

        var (ordered, sequential) = Ordered(calibration, options.SequentialImages);
        progress?.Report($"channel-ls: {groups.Count} channel groups, {convs.Count} consumer convs; original pass over {calibration.Count} images");
        OriginalPass.Run(model, convs, ordered, sequential, options, CaptureBatch(model, convs, options.BatchSize));
        var activations = clock.Elapsed;

        var rankings = groups.Select((g, i) => Rank(i, g.Channels, convs, options.Selection)).ToList();
        var kept = options.Budget is { } budget
            ? BudgetAllocator.Allocate(account, [.. groups.Select(g => g.Channels)], [.. rankings.Select(r => r.Curve)], budget.KeptFraction,
                options.ChannelMultiple, options.MinimumKeptFraction)
            : [.. groups.Select(g => ChannelPruner.ChannelsToKeep(options.Factor.Value, g.Channels, options.ChannelMultiple))];
        progress?.Report(FormattableString.Invariant($"channel-ls: original pass {activations.TotalSeconds:0.0} s, ranking and allocation ")
            + FormattableString.Invariant($"{(clock.Elapsed - activations).TotalSeconds:0.0} s; keeping {kept.Sum()} of {groups.Sum(g => g.Channels)} channels"));
        var keeps = groups.Select((g, i) => KeptIndices(rankings[i].Order, g.Channels, kept[i])).ToArray();
        ChannelSurgery.Apply(model, [.. groups.Select((g, i) => (g, keeps[i]))]);
        var selection = clock.Elapsed - activations;

        var refit = ToRefit(model, groups, keeps, convs, options.RefitUnprunedConsumers);
        var outputKeep = OutputKeep(groups, keeps, convs);
        progress?.Report($"channel-ls: re-fitting {refit.Count} convs on {sequential} images");
        var (segments, leastSquares, correction) = SequentialRefit.Run(model, refit, outputKeep, ordered.Take(sequential), options);
        var after = ShapeInference.Run(model.Graph, 1).Macs ?? 0;
        var reports = groups.Select((g, i) => Report(g, i, keeps[i].Length, rankings[i].Curve, convs)).ToList();
        return new ChannelLsResult(
            account.Full,
            after,
            reports,
            refit.Count,
            $"{calibration.Source}; sequential passes on {sequential}",
            new Seconds(clock.Elapsed.TotalSeconds),
            new ChannelLsPhaseTimes(
                new Seconds((activations + segments).TotalSeconds), new Seconds(selection.TotalSeconds),
                new Seconds(leastSquares.TotalSeconds), new Seconds(correction.TotalSeconds)),
            DenseKernels.UsesOpenBlas ? "OpenBLAS" : "managed");
    }

    /// <summary>
    /// Images per run of the original pass: at most <paramref name="wanted"/>, and few enough that the captured tensors (every
    /// consumer's input and output) stay under 64 Mi floats per batch (ResNet-152 at 224 px captures about 40 Mi per image).
    /// </summary>
    private static int CaptureBatch(ModelProto model, List<RefitConv> convs, int wanted)
    {
        var shapes = ShapeInference.Run(model.Graph, 1);
        var perImage = convs.SelectMany(c => new[] { c.Input, c.Output }).Distinct(StringComparer.Ordinal)
            .Sum(name => shapes.ShapeOf(name) is { } shape && shape.All(d => d > 0) ? shape.Aggregate(1L, (a, d) => a * d) : 0L);
        return (int)Math.Clamp((64L << 20) / Math.Max(perImage, 1), 1, wanted);
    }

    /// <summary>
    /// The calibration images reordered so that the first <c>sequential</c> are evenly spaced over the set (so a
    /// class-ordered set gives every class).
    /// </summary>
    private static (CalibrationSet Ordered, int Sequential) Ordered(CalibrationSet calibration, int wanted)
    {
        var count = calibration.Count;
        var sequential = Math.Min(wanted, count);
        var first = Enumerable.Range(0, sequential).Select(i => (int)((long)i * count / sequential)).ToList();
        var chosen = first.ToHashSet();
        var order = first.Concat(Enumerable.Range(0, count).Where(i => !chosen.Contains(i))).ToArray();
        var length = calibration.ImageLength;
        var pixels = new float[(long)count * length];
        for (var i = 0; i < count; i++)
        {
            calibration.Images(order[i], 1).Span.CopyTo(pixels.AsSpan(i * length, length));
        }

        return (new CalibrationSet(calibration.Source, calibration.Channels, calibration.Height, calibration.Width, pixels), sequential);
    }

    private static (int[] Order, double[] Curve) Rank(int group, int channels, List<RefitConv> convs, ChannelLsSelection selection)
    {
        if (selection == ChannelLsSelection.Surgeon)
        {
            var all = convs.Sum(c => c.Contributions.Count(a => a.Group == group));
            return ChannelSurgeon.Eliminate(
                [.. convs.SelectMany(c => c.Contributions.Where(a => a.Group == group && a.Ranked && a.Pixels > 0).Select(a => (a, c)))], all, channels);
        }

        var gram = new double[channels * channels];
        foreach (var accumulator in convs.SelectMany(c => c.Contributions).Where(a => a.Group == group && a.EnergyPerPair > 0 && a.Pairs > 0))
        {
            var g = accumulator.NormalisedGram();
            for (var i = 0; i < gram.Length; i++)
            {
                gram[i] += g[i];
            }
        }

        return ChannelRanking.Eliminate(gram, channels);
    }

    private static int[] KeptIndices(int[] order, int channels, int kept)
    {
        var removed = order.Take(channels - kept).ToHashSet();
        return [.. Enumerable.Range(0, channels).Where(c => !removed.Contains(c))];
    }

    /// <summary>Consumers of pruned groups, and (optionally) every consumer after the first pruned producer.</summary>
    private static List<RefitConv> ToRefit(ModelProto model, IReadOnlyList<ChannelGroup> groups, int[][] keeps, List<RefitConv> convs, bool unpruned)
    {
        var position = new Dictionary<NodeProto, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < model.Graph.Node.Count; i++)
        {
            position[model.Graph.Node[i]] = i;
        }

        var pruned = groups.Where((g, i) => keeps[i].Length < g.Channels).ToList();
        if (pruned.Count == 0)
        {
            return [];
        }

        var firstChange = pruned.SelectMany(g => g.Producers).Min(p => position[p]);
        var prunedIds = pruned.Select(g => groups.ToList().IndexOf(g)).ToHashSet();
        return [.. convs.Where(c => c.Contributions.Any(a => prunedIds.Contains(a.Group)) || (unpruned && position[c.Node] > firstChange))];
    }

    /// <summary>For each re-fitted Conv that produces a group's channels, the kept output channels (its targets are sliced to them).</summary>
    private static Dictionary<RefitConv, int[]> OutputKeep(IReadOnlyList<ChannelGroup> groups, int[][] keeps, List<RefitConv> convs)
    {
        var result = new Dictionary<RefitConv, int[]>();
        foreach (var conv in convs)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                if (groups[g].Producers.Any(p => ReferenceEquals(p, conv.Node)))
                {
                    result[conv] = keeps[g];
                }
            }
        }

        return result;
    }

    private static ChannelLsGroupReport Report(ChannelGroup group, int index, int kept, double[] curve, List<RefitConv> convs)
    {
        var removed = group.Channels - kept;
        var errors = convs.Where(c => c.Contributions.Any(a => a.Group == index) && !double.IsNaN(c.Error)).Select(c => c.Error).ToList();
        return new ChannelLsGroupReport(
            group.Id, group.Kind, group.Channels, kept, removed == 0 ? 0 : curve[removed - 1], errors.Count > 0 ? errors.Average() : double.NaN);
    }
}
