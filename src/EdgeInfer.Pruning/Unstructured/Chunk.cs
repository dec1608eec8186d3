using EdgeInfer.Pruning.IO;

namespace EdgeInfer.Pruning.Unstructured;

/// <summary>A slice of one tensor: the unit of parallel work. Chunks are ordered by tensor, then start.</summary>
internal readonly record struct Chunk(FloatTensor Tensor, int TensorOrdinal, int Start, int Length)
{
    /// <summary>At most 2^20 weights per chunk: small enough to balance two cores, big enough to amortize scheduling.</summary>
    public const int MaximumLength = 1 << 20;

    public ReadOnlySpan<uint> Bits => Tensor.Bits.Slice(Start, Length);

    public static List<Chunk> Split(IReadOnlyList<FloatTensor> tensors, int maximumLength = MaximumLength)
    {
        var chunks = new List<Chunk>();
        for (var t = 0; t < tensors.Count; t++)
        {
            var count = checked((int)tensors[t].Count);
            for (var start = 0; start < count; start += maximumLength)
            {
                chunks.Add(new Chunk(tensors[t], t, start, Math.Min(maximumLength, count - start)));
            }
        }

        return chunks;
    }
}
