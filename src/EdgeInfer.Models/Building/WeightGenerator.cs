using System.Runtime.InteropServices;
using Google.Protobuf;

namespace EdgeInfer.Models.Building;

/// <summary>
/// Fills builder initializers with reproducible float32 data in <c>raw_data</c> (little-endian).
/// The work is split into fixed chunks of <see cref="ChunkElements"/> elements, each with its own generator derived
/// from (seed, tensor index, chunk index): the bytes depend only on the seed, never on the thread count or scheduling.
/// </summary>
internal static class WeightGenerator
{
    /// <summary>Elements per independently seeded chunk (even, so Box–Muller pairs never straddle chunks).</summary>
    public const int ChunkElements = 1 << 16;

    /// <summary>Allocates and fills every tensor of <paramref name="specs"/>, wrapping the arrays without copies.</summary>
    public static void Fill(IReadOnlyList<WeightSpec> specs, ulong seed)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; big-endian hosts are not supported.");
        }

        var buffers = new byte[specs.Count][];
        var work = new List<(int Tensor, int Chunk)>();
        for (var i = 0; i < specs.Count; i++)
        {
            var count = checked((int)specs[i].ElementCount);
            buffers[i] = GC.AllocateUninitializedArray<byte>(checked(count * sizeof(float)));
            var chunks = (count + ChunkElements - 1) / ChunkElements;
            for (var c = 0; c < chunks; c++)
            {
                work.Add((i, c));
            }
        }

        Parallel.For(0, work.Count, k =>
        {
            var (t, c) = work[k];
            var all = MemoryMarshal.Cast<byte, float>(buffers[t].AsSpan());
            var start = c * ChunkElements;
            var span = all.Slice(start, Math.Min(ChunkElements, all.Length - start));
            var spec = specs[t];
            switch (spec.Init)
            {
                case WeightInit.Zeros:
                    span.Clear();
                    break;
                case WeightInit.Ones:
                    span.Fill(1f);
                    break;
                default:
                    var rng = new Xoshiro256StarStar(Xoshiro256StarStar.Derive(seed, t, c));
                    FillNormal(span, MathF.Sqrt(2f / spec.FanIn), ref rng);
                    break;
            }
        });

        for (var i = 0; i < specs.Count; i++)
        {
            specs[i].Tensor.RawData = UnsafeByteOperations.UnsafeWrap(buffers[i]);
        }
    }

    /// <summary>
    /// Box–Muller: one 64-bit draw gives two 24-bit uniforms u1 ∈ (0, 1], u2 ∈ [0, 1) and two independent normals
    /// r·cos θ and r·sin θ with r = √(−2 ln u1), θ = 2π u2, scaled by <paramref name="std"/>.
    /// </summary>
    internal static void FillNormal(Span<float> destination, float std, ref Xoshiro256StarStar rng)
    {
        const float Scale = 1f / (1 << 24);
        var i = 0;
        for (; i + 1 < destination.Length; i += 2)
        {
            var bits = rng.NextUInt64();
            var u1 = ((bits >> 40) + 1) * Scale;
            var u2 = (bits & 0xFFFFFF) * Scale;
            var r = std * MathF.Sqrt(-2f * MathF.Log(u1));
            var (sin, cos) = MathF.SinCos(2f * MathF.PI * u2);
            destination[i] = r * cos;
            destination[i + 1] = r * sin;
        }

        if (i < destination.Length)
        {
            var bits = rng.NextUInt64();
            var u1 = ((bits >> 40) + 1) * Scale;
            var u2 = (bits & 0xFFFFFF) * Scale;
            destination[i] = std * MathF.Sqrt(-2f * MathF.Log(u1)) * MathF.Cos(2f * MathF.PI * u2);
        }
    }
}
