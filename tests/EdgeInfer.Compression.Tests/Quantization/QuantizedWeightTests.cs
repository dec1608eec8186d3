using EdgeInfer.Compression.Quantization;

namespace EdgeInfer.Compression.Tests.Quantization;

/// <summary>Hand-computed values; the weights are binary fractions so that every scale and every ".5" step is exact.</summary>
public sealed class QuantizedWeightTests
{
    [Fact]
    public void Quantize_PerChannel_ScaleIsMaxAbsOver127AndValuesRoundHalfToEven()
    {
        // Two output channels of 3 weights (dims [2, 3, 1, 1]): max |w| 7.9375 = 127/16 and 15.875 = 127/8 → scales 1/16, 1/8.
        float[] w = [3f, -7.9375f, 0.03125f, 15.875f, 0f, -6.3125f];

        var q = QuantizedWeight.Quantize(w, [2, 3, 1, 1], axis: 0, perChannel: true, bias: null, inputScale: 1f);

        Assert.Equal([0.0625f, 0.125f], q.Scales);
        // 0.03125 · 16 = 0.5 rounds to even 0; −6.3125 · 8 = −50.5 rounds to even −50.
        Assert.Equal([48, -127, 0, 127, 0, -50], q.Values.Select(v => (int)v));
        Assert.Equal(3f, q.Dequantize(0, [2, 3, 1, 1]));
        Assert.Equal(-6.25f, q.Dequantize(5, [2, 3, 1, 1]));
        Assert.Null(q.Bias);
    }

    [Fact]
    public void Quantize_BiasIsInt32AtInputScaleTimesWeightScale()
    {
        var q = QuantizedWeight.Quantize([7.9375f, 15.875f], [2, 1], axis: 0, perChannel: true, bias: [0.3f, -0.25f], inputScale: 0.5f);

        // Bias scales 0.5 · [1/16, 1/8]; 0.3 · 32 = 9.6 → 10, −0.25 · 16 = −4.
        Assert.Equal([0.03125f, 0.0625f], q.BiasScales!);
        Assert.Equal([10, -4], q.Bias!);
    }

    [Fact]
    public void Quantize_GemmWithoutTransposedB_ScalesRunAlongAxis1()
    {
        // B is [K = 2, N = 3]; column n holds output channel n, with max |w| 127/16, 127/8, 127/4.
        float[] b = [7.9375f, -15.875f, 0.125f, -3.03125f, 1f, -31.75f];

        var q = QuantizedWeight.Quantize(b, [2, 3], axis: 1, perChannel: true, bias: null, inputScale: 1f);

        Assert.Equal([0.0625f, 0.125f, 0.25f], q.Scales);
        Assert.Equal([127, -127, 0, -48, 8, -127], q.Values.Select(v => (int)v));
    }

    [Fact]
    public void Quantize_PerTensor_OneScaleForAll_AndAZeroChannelGetsScale1()
    {
        var perTensor = QuantizedWeight.Quantize([7.9375f, 0.5f], [2, 1], axis: 0, perChannel: false, bias: null, inputScale: 1f);
        Assert.Equal([0.0625f], perTensor.Scales);
        Assert.Equal([127, 8], perTensor.Values.Select(v => (int)v));

        var zero = QuantizedWeight.Quantize([0f, 0f, 7.9375f], [3, 1], axis: 0, perChannel: true, bias: null, inputScale: 1f);
        Assert.Equal([1f, 1f, 0.0625f], zero.Scales);
    }

    [Fact]
    public void Quantize_BiasTooLargeForTheWeightScale_RaisesTheScaleSoTheBiasFits()
    {
        // 1e6 / (1e-3 · 1e-7 / 127) would be ~1e18 steps; the scale is raised until the bias fits int32.
        var q = QuantizedWeight.Quantize([1e-7f], [1, 1], axis: 0, perChannel: true, bias: [1e6f], inputScale: 1e-3f);

        Assert.InRange(q.Bias![0], int.MaxValue - 10_000, int.MaxValue);
        Assert.Equal(1e6, (double)q.Bias[0] * q.BiasScales![0], 1e6 * 1e-6);
    }
}
