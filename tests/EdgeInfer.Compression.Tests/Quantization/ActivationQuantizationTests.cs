using EdgeInfer.Compression.Quantization;

namespace EdgeInfer.Compression.Tests.Quantization;

public sealed class ActivationQuantizationTests
{
    [Fact]
    public void FromRange_ReluOutput_HasZeroPoint0()
    {
        var q = ActivationQuantization.FromRange(0, 2.55);
        Assert.Equal(0.01f, q.Scale, 1e-7f);
        Assert.Equal(0, q.ZeroPoint);
        Assert.Equal(255, q.Quantize(3f));
        Assert.Equal(0, q.Quantize(-1f));
    }

    [Fact]
    public void FromRange_AlwaysContainsZero_AndAnEmptyRangeGetsScale1()
    {
        var positive = ActivationQuantization.FromRange(1, 2.55);
        Assert.Equal(0.01f, positive.Scale, 1e-7f);
        Assert.Equal(0, positive.ZeroPoint);

        // [−1, 127/128] is 255 steps of 1/128, so the zero point is exactly 128.
        var signed = ActivationQuantization.FromRange(-1, 0.9921875);
        Assert.Equal(0.0078125f, signed.Scale);
        Assert.Equal(128, signed.ZeroPoint);
        Assert.Equal(new ActivationQuantization(1f, 0), ActivationQuantization.FromRange(0, 0));
    }

    [Fact]
    public void Percentiles_CutTheTailsToOneBin()
    {
        // 10,000 values 0 … 9,999 plus one outlier at 1e6: the 99.9th percentile stays near 9,990, not near the outlier.
        var data = Enumerable.Range(0, 10_000).Select(i => (float)i).Append(1e6f).ToArray();
        var (min, max) = ActivationRanges.MinMax(data);
        Assert.Equal((0f, 1e6f), (min, max));

        var (low, high) = ActivationRanges.Percentiles(data, min, max, 99.9);

        var bin = 1e6 / 2048;
        Assert.Equal(0, low);
        Assert.InRange(high, 9_990 - bin, 9_990 + bin);
    }
}
