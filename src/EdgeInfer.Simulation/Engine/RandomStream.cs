namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64: fast, allocation-free and the same on every runtime
/// version (unlike <see cref="Random"/>), so a seed reproduces a run bit for bit. Separate streams (positions, arrivals,
/// channel) keep the arrivals identical across policies (common random numbers).
/// </summary>
internal struct RandomStream
{
    private ulong s0, s1, s2, s3;

    public RandomStream(ulong seed, ulong stream)
    {
        var x = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>Uniform in (0, 1]: never 0, so −ln(u) is finite.</summary>
    public double NextUnit() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform in [0, n).</summary>
    public int NextInt(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>Exponential with the given rate (per second): −ln(u)/rate.</summary>
    public double NextExponential(double rate) => -Math.Log(NextUnit()) / rate;

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
