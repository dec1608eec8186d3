using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// Box–Muller, eight lanes at a time: each 64-bit draw gives two 24-bit uniforms u1 ∈ (0, 1], u2 ∈ [0, 1), and
    /// r = √(−2 ln u1), θ = 2π u2 give two independent normals r·cos θ and r·sin θ, scaled by <paramref name="std"/>.
    /// Blocks of 16 values are written as 8 cosines then 8 sines; the tail (fewer than 16) uses the scalar form.
    /// Same seed, same bytes on a given platform (the vector math functions are deterministic per ISA).
    /// </summary>
    internal static void FillNormal(Span<float> destination, float std, ref Xoshiro256StarStar rng)
    {
        const int Lanes = 8;
        Span<int> high = stackalloc int[Lanes];
        Span<int> low = stackalloc int[Lanes];
        var scale = Vector256.Create(1f / (1 << 24));
        var twoPi = Vector256.Create(2f * MathF.PI);
        var minusTwo = Vector256.Create(-2f);
        var stdVector = Vector256.Create(std);
        var i = 0;
        for (; i + (2 * Lanes) <= destination.Length; i += 2 * Lanes)
        {
            for (var k = 0; k < Lanes; k++)
            {
                var bits = rng.NextUInt64();
                high[k] = (int)(bits >> 40);
                low[k] = (int)(bits & 0xFFFFFF);
            }

            var u1 = (Vector256.ConvertToSingle(Vector256.Create<int>(high)) + Vector256<float>.One) * scale;
            var u2 = Vector256.ConvertToSingle(Vector256.Create<int>(low)) * scale;
            var r = stdVector * Vector256.Sqrt(minusTwo * Vector256.Log(u1));
            var (sin, cos) = Vector256.SinCos(twoPi * u2);
            (r * cos).CopyTo(destination[i..]);
            (r * sin).CopyTo(destination[(i + Lanes)..]);
        }

        FillNormalScalar(destination[i..], std, ref rng);
    }

    /// <summary>The scalar Box–Muller form (reference for tests and benchmarks, and the tail of <see cref="FillNormal"/>).</summary>
    internal static void FillNormalScalar(Span<float> destination, float std, ref Xoshiro256StarStar rng)
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
