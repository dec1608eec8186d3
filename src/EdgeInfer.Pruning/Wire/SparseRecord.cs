namespace EdgeInfer.Pruning.Wire;

/// <summary>
/// One bitmask-encoded initializer in the payload's table (21 bytes): initializer index (u32), storage (u8: 0 raw_data,
/// 1 float_data), element count (u64), non-zero count (u64).
/// </summary>
internal readonly record struct SparseRecord(int Initializer, bool FloatData, long Count, long NonZero)
{
    public const int Size = 21;

    public int MaskBytes => checked((int)((Count + 7) / 8));
}
