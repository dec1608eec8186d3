using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EdgeInfer.Pruning.Unstructured;

/// <summary>
/// The hot loops of magnitude pruning over IEEE-754 bit patterns. The key of a weight is its 31-bit magnitude
/// <c>bits &amp; 0x7FFFFFFF</c>: for non-negative floats the unsigned order of the bits is the numeric order, so a
/// two-level radix select (15 high bits, then 16 low bits) finds the exact k-th smallest |w| in two linear passes.
/// </summary>
internal static class MagnitudeKernels
{
    public const int HighBins = 1 << 15;
    public const int LowBins = 1 << 16;
    private const uint MagnitudeMask = 0x7FFF_FFFF;

    /// <summary>Pass 1: counts keys by their 15 high bits.</summary>
    public static void HistogramHigh(ReadOnlySpan<uint> bits, Span<int> histogram)
    {
        ref var h = ref MemoryMarshal.GetReference(histogram);
        foreach (var b in bits)
        {
            Unsafe.Add(ref h, (int)((b & MagnitudeMask) >> 16))++;
        }
    }

    /// <summary>Pass 2: counts the low 16 bits of the keys whose high bits equal <paramref name="high"/>; skips whole vectors without a match.</summary>
    public static void HistogramLow(ReadOnlySpan<uint> bits, uint high, Span<int> histogram)
    {
        ref var h = ref MemoryMarshal.GetReference(histogram);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var mask = Vector256.Create(MagnitudeMask & 0xFFFF_0000u);
            var target = Vector256.Create(high << 16);
            ref var start = ref MemoryMarshal.GetReference(bits);
            for (; i <= bits.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                var hits = Vector256.Equals(v & mask, target).ExtractMostSignificantBits();
                while (hits != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(hits);
                    Unsafe.Add(ref h, (int)(bits[i + lane] & 0xFFFF))++;
                    hits &= hits - 1;
                }
            }
        }

        for (; i < bits.Length; i++)
        {
            var key = bits[i] & MagnitudeMask;
            if (key >> 16 == high)
            {
                Unsafe.Add(ref h, (int)(key & 0xFFFF))++;
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="source"/> to <paramref name="destination"/> with every weight whose key is below
    /// <paramref name="threshold"/> set to +0; returns how many keys equal the threshold (candidates for tie zeroing).
    /// </summary>
    public static int MaskBelow(ReadOnlySpan<uint> source, Span<uint> destination, uint threshold)
    {
        var ties = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Keys are < 2^31, so a signed compare is exact and maps to one instruction.
            var magnitude = Vector256.Create((int)MagnitudeMask);
            var t = Vector256.Create((int)threshold);
            ref var src = ref Unsafe.As<uint, int>(ref MemoryMarshal.GetReference(source));
            ref var dst = ref Unsafe.As<uint, int>(ref MemoryMarshal.GetReference(destination));
            for (; i <= source.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var v = Vector256.LoadUnsafe(ref src, (nuint)i);
                var key = v & magnitude;
                Vector256.AndNot(v, Vector256.LessThan(key, t)).StoreUnsafe(ref dst, (nuint)i);
                ties += BitOperations.PopCount(Vector256.Equals(key, t).ExtractMostSignificantBits());
            }
        }

        for (; i < source.Length; i++)
        {
            var key = source[i] & MagnitudeMask;
            destination[i] = key < threshold ? 0u : source[i];
            ties += key == threshold ? 1 : 0;
        }

        return ties;
    }

    /// <summary>Counts the weights equal to ±0.</summary>
    public static long CountZeros(ReadOnlySpan<uint> bits)
    {
        long zeros = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var magnitude = Vector256.Create(MagnitudeMask);
            ref var start = ref MemoryMarshal.GetReference(bits);
            for (; i <= bits.Length - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                var key = Vector256.LoadUnsafe(ref start, (nuint)i) & magnitude;
                zeros += BitOperations.PopCount(Vector256.Equals(key, Vector256<uint>.Zero).ExtractMostSignificantBits());
            }
        }

        for (; i < bits.Length; i++)
        {
            zeros += (bits[i] & MagnitudeMask) == 0 ? 1 : 0;
        }

        return zeros;
    }

    /// <summary>Zeroes the first <paramref name="count"/> weights (scan order) whose key equals <paramref name="threshold"/>.</summary>
    public static void ZeroFirstTies(ReadOnlySpan<uint> source, Span<uint> destination, uint threshold, long count)
    {
        for (var i = 0; i < source.Length && count > 0; i++)
        {
            if ((source[i] & MagnitudeMask) == threshold)
            {
                destination[i] = 0;
                count--;
            }
        }
    }
}
