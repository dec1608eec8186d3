using System.Runtime.InteropServices;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>The reference: sort every weight by (|w| bits, tensor order, element order) and zero the first k.</summary>
internal static class NaivePruner
{
    public static List<float[]> Prune(IReadOnlyList<float[]> tensors, double pf)
    {
        var result = tensors.Select(t => (float[])t.Clone()).ToList();
        var all = new List<(uint Key, int Tensor, int Element)>();
        for (var t = 0; t < tensors.Count; t++)
        {
            for (var e = 0; e < tensors[t].Length; e++)
            {
                all.Add((BitConverter.SingleToUInt32Bits(tensors[t][e]) & 0x7FFF_FFFF, t, e));
            }
        }

        all.Sort();
        var k = (long)Math.Round(pf * all.Count, MidpointRounding.AwayFromZero);
        for (var i = 0; i < k; i++)
        {
            result[all[i].Tensor][all[i].Element] = 0f;
        }

        return result;
    }

    public static float[] Values(TensorProto tensor) =>
        tensor.RawData.IsEmpty ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
}
