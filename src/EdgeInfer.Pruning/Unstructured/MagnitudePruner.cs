using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Pruning.IO;
using Onnx;

namespace EdgeInfer.Pruning.Unstructured;

/// <summary>
/// Unstructured magnitude pruning of an ONNX model: in each scope the k = round(pf·n) weights of smallest |w| are set
/// to zero, ties broken by (|w| bits, tensor order, element order). Selection is a linear-time radix select on the
/// float bits (no sort), masking is vectorised, and both run in parallel over fixed chunks with a deterministic result.
/// </summary>
public static class MagnitudePruner
{
    /// <summary>
    /// Prunes <paramref name="model"/> in place (only the prunable initializers are replaced; with pf = 0 nothing is
    /// touched). Use <c>model.Clone()</c> first to keep the original.
    /// </summary>
    public static MagnitudePruningResult PruneInPlace(ModelProto model, MagnitudePruningOptions options) =>
        Prune(model, options, reuseBuffers: false);

    /// <summary>
    /// Prunes with <paramref name="reuseBuffers"/>: true overwrites the parsed <c>raw_data</c> buffers in place (no
    /// 4-bytes-per-weight allocation); only valid when nothing else shares the model's byte strings (a freshly parsed file).
    /// </summary>
    /// <param name="model">The model to prune in place.</param>
    /// <param name="options">What to prune.</param>
    /// <param name="reuseBuffers">Overwrite the parsed raw_data buffers instead of allocating new ones.</param>
    /// <param name="chunkLength">Weights per parallel work item; tests shrink it to cross chunk boundaries.</param>
    /// <param name="external">Initializer index → values in a zero-copy file buffer, pruned in place there; null to use the protos.</param>
    internal static MagnitudePruningResult Prune(
        ModelProto model,
        MagnitudePruningOptions options,
        bool reuseBuffers,
        int chunkLength = Chunk.MaximumLength,
        IReadOnlyDictionary<int, Memory<byte>>? external = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = options.Validated();
        var start = Stopwatch.GetTimestamp();
        var tensors = PrunableTensorFinder.Find(model.Graph, options, external);
        var chunks = Chunk.Split(tensors, chunkLength);
        var groups = options.Scope == PruningScope.Global
            ? [new Group(0, chunks.Count, tensors.Sum(t => t.Count))]
            : GroupsPerTensor(chunks, tensors);

        var thresholds = new Threshold[groups.Count];
        if (groups.Count == 1)
        {
            thresholds[0] = Select(groups[0], chunks, options, parallel: true);
        }
        else
        {
            Parallel.For(0, groups.Count, g => thresholds[g] = Select(groups[g], chunks, options, parallel: false));
        }

        var selected = Stopwatch.GetTimestamp();
        Mask(tensors, chunks, groups, thresholds, options, reuseBuffers);
        var masked = Stopwatch.GetTimestamp();

        return new MagnitudePruningResult(
            options,
            tensors.Count,
            tensors.Sum(t => t.Count),
            thresholds.Sum(t => t.ZerosAfter),
            new Seconds(Stopwatch.GetElapsedTime(start, selected).TotalSeconds),
            new Seconds(Stopwatch.GetElapsedTime(selected, masked).TotalSeconds));
    }

    private static Threshold Select(Group group, List<Chunk> chunks, MagnitudePruningOptions options, bool parallel) =>
        MagnitudeSelector.Select(
            chunks.GetRange(group.FirstChunk, group.ChunkCount),
            MagnitudePruningOptions.TargetZeros(options.PruningFactor, group.Weights),
            parallel);

    private static void Mask(
        IReadOnlyList<FloatTensor> tensors, List<Chunk> chunks, List<Group> groups, Threshold[] thresholds, MagnitudePruningOptions options, bool reuseBuffers)
    {
        var groupOfChunk = new int[chunks.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            Array.Fill(groupOfChunk, g, groups[g].FirstChunk, groups[g].ChunkCount);
        }

        bool Active(int chunk) => MagnitudePruningOptions.TargetZeros(options.PruningFactor, groups[groupOfChunk[chunk]].Weights) > 0;

        var outputs = new Memory<byte>[tensors.Count];
        var active = new bool[tensors.Count];
        for (var c = 0; c < chunks.Count; c++)
        {
            if (Active(c) && !active[chunks[c].TensorOrdinal])
            {
                var tensor = chunks[c].Tensor;
                active[chunks[c].TensorOrdinal] = true;
                outputs[chunks[c].TensorOrdinal] = tensor.InPlace is { } inPlace ? inPlace
                    : reuseBuffers && !tensor.StoredAsFloatData && tensor.TryGetWritableBuffer(out var own) ? own
                    : GC.AllocateUninitializedArray<byte>(checked((int)tensor.Count * sizeof(float)));
            }
        }

        var ties = new int[chunks.Count];
        Parallel.For(0, chunks.Count, c =>
        {
            if (Active(c))
            {
                ties[c] = MagnitudeKernels.MaskBelow(chunks[c].Bits, Destination(outputs, chunks[c]), thresholds[groupOfChunk[c]].Key);
            }
        });

        // Ties at the threshold are zeroed in scan order: sequential per scope, so the choice is deterministic.
        for (var g = 0; g < groups.Count; g++)
        {
            var remaining = thresholds[g].TiesToZero;
            for (var c = groups[g].FirstChunk; remaining > 0 && c < groups[g].FirstChunk + groups[g].ChunkCount; c++)
            {
                var zero = Math.Min(remaining, ties[c]);
                if (zero > 0)
                {
                    MagnitudeKernels.ZeroFirstTies(chunks[c].Bits, Destination(outputs, chunks[c]), thresholds[g].Key, zero);
                    remaining -= zero;
                }
            }
        }

        for (var t = 0; t < tensors.Count; t++)
        {
            if (active[t] && tensors[t].InPlace is null && MemoryMarshal.TryGetArray<byte>(outputs[t], out var segment))
            {
                tensors[t].Replace(segment.Array!);
            }
        }
    }

    private static Span<uint> Destination(Memory<byte>[] outputs, Chunk chunk) =>
        MemoryMarshal.Cast<byte, uint>(outputs[chunk.TensorOrdinal].Span).Slice(chunk.Start, chunk.Length);

    private static List<Group> GroupsPerTensor(List<Chunk> chunks, IReadOnlyList<FloatTensor> tensors)
    {
        var groups = new List<Group>(tensors.Count);
        var first = 0;
        for (var t = 0; t < tensors.Count; t++)
        {
            var end = first;
            while (end < chunks.Count && chunks[end].TensorOrdinal == t)
            {
                end++;
            }

            groups.Add(new Group(first, end - first, tensors[t].Count));
            first = end;
        }

        return groups;
    }

    /// <summary>A scope: consecutive chunks sharing one threshold.</summary>
    private readonly record struct Group(int FirstChunk, int ChunkCount, long Weights);
}
