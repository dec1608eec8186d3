using System.Numerics;
using System.Runtime.CompilerServices;

namespace EdgeInfer.Models.Building;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018): a small, fast, seedable 64-bit generator, seeded through SplitMix64
/// so that nearby seeds give unrelated streams. Not cryptographic; it makes the seeded weights reproducible, and the cell
/// simulator's runs (<c>Simulation.Engine.RandomStream</c>). The same on every runtime version, unlike <see cref="Random"/>.
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Seeds the four state words from <paramref name="seed"/> with SplitMix64 (never all zero).</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        s0 = SplitMix64(ref x);
        s1 = SplitMix64(ref x);
        s2 = SplitMix64(ref x);
        s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> and returns a well-mixed word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Derives an independent stream seed from a root seed and two indices (tensor, chunk).</summary>
    public static ulong Derive(ulong seed, int a, int b)
    {
        var x = seed ^ ((((ulong)(uint)a << 32) | (uint)b) * 0xD1B54A32D192ED03UL);
        _ = SplitMix64(ref x);
        return SplitMix64(ref x);
    }
}
