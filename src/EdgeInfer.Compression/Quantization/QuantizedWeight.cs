using System.Runtime.InteropServices;

namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// A weight tensor quantized symmetrically to int8 (zero point 0, q in [−127, 127]) with one scale per channel of
/// <see cref="Axis"/> (or one scale for the whole tensor), and its bias quantized to int32 at scale
/// (input scale × weight scale of the channel), zero point 0, as ONNX's integer convolution expects.
/// </summary>
internal sealed class QuantizedWeight
{
    /// <summary>The largest |q| of a symmetric int8 weight: −128 is left out so that +x and −x stay exact opposites.</summary>
    public const int Limit = 127;

    private QuantizedWeight(sbyte[] values, float[] scales, int axis, int[]? bias, float[]? biasScales)
    {
        Values = values;
        Scales = scales;
        Axis = axis;
        Bias = bias;
        BiasScales = biasScales;
    }

    /// <summary>The quantized weights, same layout as the float ones.</summary>
    public sbyte[] Values { get; }

    /// <summary>One scale per channel of <see cref="Axis"/>, or a single scale (per-tensor).</summary>
    public float[] Scales { get; }

    /// <summary>The channel axis the scales run along.</summary>
    public int Axis { get; }

    /// <summary>The bias in int32 steps of <see cref="BiasScales"/>, or null when there is no bias.</summary>
    public int[]? Bias { get; }

    /// <summary>Input scale × weight scale per output channel, or null when there is no bias.</summary>
    public float[]? BiasScales { get; }

    /// <summary>
    /// Quantizes <paramref name="weights"/> (row-major, dims <paramref name="dims"/>) along <paramref name="axis"/>: scale of
    /// channel c = max |w| over the channel / 127 (raised, rarely, so that bias / (input scale · weight scale) fits int32),
    /// q = round-half-even(w / scale). A channel of zeros gets scale 1.
    /// </summary>
    public static QuantizedWeight Quantize(
        ReadOnlySpan<float> weights, IReadOnlyList<long> dims, int axis, bool perChannel, float[]? bias, float inputScale)
    {
        var channels = (int)dims[axis];
        var inner = 1L;
        for (var d = axis + 1; d < dims.Count; d++)
        {
            inner *= dims[d];
        }

        var maxAbs = new double[channels];
        for (var i = 0; i < weights.Length; i++)
        {
            var c = (int)(i / inner % channels);
            maxAbs[c] = Math.Max(maxAbs[c], Math.Abs((double)weights[i]));
        }

        var scales = ChannelScales(maxAbs, bias, inputScale, perChannel);
        var values = new sbyte[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var scale = scales[perChannel ? (int)(i / inner % channels) : 0];
            values[i] = (sbyte)Math.Clamp(Math.Round(weights[i] / (double)scale, MidpointRounding.ToEven), -Limit, Limit);
        }

        if (bias is null)
        {
            return new QuantizedWeight(values, scales, axis, null, null);
        }

        var biasScales = new float[channels];
        var quantizedBias = new int[channels];
        for (var c = 0; c < channels; c++)
        {
            biasScales[c] = inputScale * scales[perChannel ? c : 0];
            var q = Math.Round(bias[c] / (double)biasScales[c], MidpointRounding.ToEven);
            quantizedBias[c] = (int)Math.Clamp(q, int.MinValue + 1, int.MaxValue);
        }

        return new QuantizedWeight(values, scales, axis, quantizedBias, biasScales);
    }

    /// <summary>The float value of quantized weight <paramref name="index"/>, as DequantizeLinear computes it.</summary>
    public float Dequantize(int index, IReadOnlyList<long> dims)
    {
        var inner = 1L;
        for (var d = Axis + 1; d < dims.Count; d++)
        {
            inner *= dims[d];
        }

        var scale = Scales.Length == 1 ? Scales[0] : Scales[(int)(index / inner % dims[Axis])];
        return Values[index] * scale;
    }

    /// <summary>The int8 values as bytes, for an ONNX <c>raw_data</c>.</summary>
    public byte[] RawValues() => MemoryMarshal.AsBytes(Values.AsSpan()).ToArray();

    private static float[] ChannelScales(double[] maxAbs, float[]? bias, float inputScale, bool perChannel)
    {
        // The bias is added to the int32 accumulator in steps of inputScale·weightScale; a weight scale so small that the
        // bias would not fit is raised just enough (ORT's quantizer does the same), costing that channel some resolution.
        var needed = new double[maxAbs.Length];
        for (var c = 0; c < maxAbs.Length; c++)
        {
            needed[c] = maxAbs[c] / Limit;
            if (bias is not null)
            {
                needed[c] = Math.Max(needed[c], Math.Abs((double)bias[c]) / ((double)inputScale * int.MaxValue) * (1 + 1e-6));
            }
        }

        if (!perChannel)
        {
            needed = [needed.Max()];
        }

        return [.. needed.Select(s => s > 0 && double.IsFinite(s) ? (float)s : 1f)];
    }
}
