using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeInfer.Pruning.Wire;

/// <summary>
/// The per-tensor encoding: a bitmask of non-zero weights (bit i%8 of byte i/8, LSB first) plus the non-zero values in
/// order. "Zero" means all 32 bits zero, so −0.0 and NaN payloads are kept as values and the round trip is bit-exact.
/// Values go either contiguously (4 bytes each) or into four byte planes of <c>planeStride</c> bytes each.
/// </summary>
internal static class BitmaskCodec
{
    public static long CountNonZero(ReadOnlySpan<uint> bits)
    {
        long count = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(bits);
            for (; i <= bits.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                var zero = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), Vector256<uint>.Zero).ExtractMostSignificantBits();
                count += Vector256<uint>.Count - BitOperations.PopCount(zero);
            }
        }

        for (; i < bits.Length; i++)
        {
            count += bits[i] != 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Writes the mask (⌈n/8⌉ bytes) and the values starting at value slot <paramref name="firstValue"/>.</summary>
    public static void Pack(ReadOnlySpan<uint> bits, Span<byte> mask, Span<byte> values, long firstValue, long planeStride)
    {
        var slot = firstValue;
        for (var block = 0; block < mask.Length; block++)
        {
            var start = block * 8;
            var end = Math.Min(start + 8, bits.Length);
            var m = 0;
            for (var i = start; i < end; i++)
            {
                var v = bits[i];
                if (v != 0)
                {
                    m |= 1 << (i - start);
                    Write(values, slot++, planeStride, v);
                }
            }

            mask[block] = (byte)m;
        }
    }

    /// <summary>The inverse of <see cref="Pack"/>; <paramref name="destination"/> must be zero-filled.</summary>
    public static void Unpack(ReadOnlySpan<byte> mask, ReadOnlySpan<byte> values, long firstValue, long planeStride, Span<uint> destination)
    {
        var slot = firstValue;
        for (var block = 0; block < mask.Length; block++)
        {
            int m = mask[block];
            while (m != 0)
            {
                var lane = BitOperations.TrailingZeroCount(m);
                destination[(block * 8) + lane] = Read(values, slot++, planeStride);
                m &= m - 1;
            }
        }
    }

    /// <summary>Non-zero bits in the mask, and whether any bit past element <paramref name="count"/> is set (invalid).</summary>
    public static (long Ones, bool PaddingSet) Inspect(ReadOnlySpan<byte> mask, long count)
    {
        long ones = 0;
        foreach (var b in mask)
        {
            ones += BitOperations.PopCount(b);
        }

        var tail = (int)(count % 8);
        var paddingSet = tail != 0 && mask.Length > 0 && (mask[^1] >> tail) != 0;
        return (ones, paddingSet);
    }

    private static void Write(Span<byte> values, long slot, long planeStride, uint v)
    {
        if (planeStride == 0)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(values[(int)(slot * 4)..], v);
            return;
        }

        values[(int)slot] = (byte)v;
        values[(int)(slot + planeStride)] = (byte)(v >> 8);
        values[(int)(slot + (2 * planeStride))] = (byte)(v >> 16);
        values[(int)(slot + (3 * planeStride))] = (byte)(v >> 24);
    }

    private static uint Read(ReadOnlySpan<byte> values, long slot, long planeStride) =>
        planeStride == 0
            ? BinaryPrimitives.ReadUInt32LittleEndian(values[(int)(slot * 4)..])
            : values[(int)slot]
                | ((uint)values[(int)(slot + planeStride)] << 8)
                | ((uint)values[(int)(slot + (2 * planeStride))] << 16)
                | ((uint)values[(int)(slot + (3 * planeStride))] << 24);
}
