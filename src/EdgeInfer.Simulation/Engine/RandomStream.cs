using EdgeInfer.Models.Building;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// One of a run's independent random streams (positions and models, arrivals, LOS states, service times): Models'
/// <see cref="Xoshiro256StarStar"/> seeded per (seed, stream), with the draws the simulator needs. Allocation-free and
/// the same on every runtime version, so a seed reproduces a run bit for bit; separate streams keep the arrivals
/// identical across policies (common random numbers).
/// </summary>
internal struct RandomStream(ulong seed, ulong stream)
{
    private Xoshiro256StarStar generator = new(Xoshiro256StarStar.Derive(seed, (int)stream, 0));

    /// <summary>Uniform in (0, 1]: never 0, so −ln(u) is finite.</summary>
    public double NextUnit() => ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform in [0, n).</summary>
    public int NextInt(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    /// <summary>Standard normal (Box–Muller; one of the pair is dropped to keep the state a plain struct).</summary>
    public double NextNormal() => Math.Sqrt(-2.0 * Math.Log(NextUnit())) * Math.Cos(2.0 * Math.PI * NextUnit());

    /// <summary>Exponential with the given rate (per second): −ln(u)/rate.</summary>
    public double NextExponential(double rate) => -Math.Log(NextUnit()) / rate;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64() => generator.NextUInt64();
}
