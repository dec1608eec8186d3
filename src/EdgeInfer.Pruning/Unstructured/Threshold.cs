namespace EdgeInfer.Pruning.Unstructured;

/// <summary>
/// The exact cut of a scope: keys below <see cref="Key"/> are zeroed, then the first <see cref="TiesToZero"/>
/// keys equal to it in scan order (tensor order, then element order).
/// </summary>
/// <param name="Key">The 31-bit magnitude bits of the k-th smallest |w|.</param>
/// <param name="TiesToZero">How many weights with exactly that key are zeroed (0 when nothing is pruned).</param>
/// <param name="ZerosAfter">Weights equal to zero after masking (already-zero weights count as pruned).</param>
internal readonly record struct Threshold(uint Key, long TiesToZero, long ZerosAfter)
{
    /// <summary>The cut that prunes nothing.</summary>
    public static Threshold None(long existingZeros) => new(0, 0, existingZeros);
}
