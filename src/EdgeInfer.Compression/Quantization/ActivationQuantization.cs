namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// The per-tensor uint8 asymmetric parameters of one activation: real value = <see cref="Scale"/> · (q − <see cref="ZeroPoint"/>),
/// q in [0, 255]. The range always contains 0 so that 0 (padding, a Relu's floor) is exact; a Relu output (min 0) gets
/// zero point 0, which is what lets ORT drop the Relu in front of the QuantizeLinear.
/// </summary>
/// <param name="Scale">Real units per step, &gt; 0.</param>
/// <param name="ZeroPoint">The q that stands for 0.</param>
internal readonly record struct ActivationQuantization(float Scale, byte ZeroPoint)
{
    /// <summary>The parameters covering [<paramref name="min"/>, <paramref name="max"/>] ∪ {0} with 256 steps; scale 1 for an all-zero tensor.</summary>
    public static ActivationQuantization FromRange(double min, double max)
    {
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        if (!(max > min) || !double.IsFinite(max - min))
        {
            return new ActivationQuantization(1f, 0);
        }

        var scale = (float)((max - min) / byte.MaxValue);
        var zeroPoint = Math.Clamp(Math.Round(-min / scale, MidpointRounding.ToEven), 0, byte.MaxValue);
        return new ActivationQuantization(scale, (byte)zeroPoint);
    }

    /// <summary>ONNX QuantizeLinear of one value: round half to even, saturate to [0, 255].</summary>
    public byte Quantize(float value) =>
        (byte)Math.Clamp(Math.Round(value / Scale, MidpointRounding.ToEven) + ZeroPoint, 0, byte.MaxValue);
}
