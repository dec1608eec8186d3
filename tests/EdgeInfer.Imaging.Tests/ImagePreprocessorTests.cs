namespace EdgeInfer.Imaging.Tests;

public sealed class ImagePreprocessorTests
{
    private const float Tolerance = 1e-3f; // float rounding of (p/255 − mean)·(1/std) on the 0..255 scale

    private static float[] Process(RawImage image, PreprocessOptions options)
    {
        var pre = new ImagePreprocessor(options);
        var output = new float[pre.OutputLength];
        pre.Process(image, output);
        return output;
    }

    [Fact]
    public void Process_Upscale2x2To4x4_IsHalfPixelBilinear()
    {
        var image = new RawImage(2, 2, 1, [0, 100, 200, 255]);

        var output = Process(image, PreprocessOptions.Raw255(4));

        // Hand-computed: out(0,0) = in(0,0); out(0,1) = .75·0 + .25·100; out(1,1) = .75·25 + .25·(.75·200 + .25·255).
        Assert.Equal(0f, output[0], Tolerance);
        Assert.Equal(25f, output[1], Tolerance);
        Assert.Equal(75f, output[2], Tolerance);
        Assert.Equal(100f, output[3], Tolerance);
        Assert.Equal(72.1875f, output[5], Tolerance);
        Assert.Equal(255f, output[15], Tolerance);
        Assert.Equal(output.AsSpan(0, 16).ToArray(), output.AsSpan(16, 16).ToArray()); // grey replicated to 3 channels
        Assert.Equal(output.AsSpan(0, 16).ToArray(), output.AsSpan(32, 16).ToArray());
    }

    [Fact]
    public void Process_Downscale2x2To1x1_Averages()
    {
        var output = Process(new RawImage(2, 2, 1, [0, 100, 200, 255]), PreprocessOptions.Raw255(1));

        Assert.Equal(138.75f, output[0], Tolerance);
    }

    [Fact]
    public void Process_CentreCrop_TakesTheMiddle()
    {
        // 6 wide × 4 high, value = x + 10·y; shorter side already 4, crop 2 → left 2, top 1.
        var pixels = new byte[24];
        for (var y = 0; y < 4; y++)
        {
            for (var x = 0; x < 6; x++)
            {
                pixels[(y * 6) + x] = (byte)(x + (10 * y));
            }
        }

        var output = Process(new RawImage(6, 4, 1, pixels), PreprocessOptions.Raw255(4) with { CropSize = 2 });

        Assert.Equal([12f, 13f, 22f, 23f], output.AsSpan(0, 4).ToArray().Select(v => MathF.Round(v, 3)));
    }

    [Fact]
    public void Process_ImageNetNormalisation_MatchesHandComputedValues()
    {
        var output = Process(new RawImage(1, 1, 3, [10, 20, 30]), PreprocessOptions.ImageNet with { ResizeShorterSide = 1, CropSize = 1 });

        Assert.Equal(((10 / 255f) - 0.485f) / 0.229f, output[0], 1e-5f);
        Assert.Equal(((20 / 255f) - 0.456f) / 0.224f, output[1], 1e-5f);
        Assert.Equal(((30 / 255f) - 0.406f) / 0.225f, output[2], 1e-5f);
    }

    [Fact]
    public void Process_Bgr_SwapsChannels()
    {
        var output = Process(new RawImage(1, 1, 3, [10, 20, 30]), PreprocessOptions.Raw255(1) with { Bgr = true });

        Assert.Equal([30f, 20f, 10f], output.Select(v => MathF.Round(v, 3)));
    }

    [Fact]
    public void ResizedSize_KeepsAspectWithShorterSideTarget()
    {
        Assert.Equal((341, 256), ImagePreprocessor.ResizedSize(500, 375, 256));
        Assert.Equal((256, 341), ImagePreprocessor.ResizedSize(375, 500, 256));
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ImagePreprocessor(new PreprocessOptions { CropSize = 300, Std = [1f, 0f, 1f] }));

        Assert.Contains("resize target 256 must be at least the crop size 300", ex.Message);
        Assert.Contains("std", ex.Message);
    }

    [Fact]
    public void Spec_RoundTrips()
    {
        var options = PreprocessOptions.Raw255(112) with { Bgr = true };

        var parsed = PreprocessOptions.ParseSpec(options.ToSpec());

        Assert.Equal(options.ToSpec(), parsed.ToSpec());
    }
}
