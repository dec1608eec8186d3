using SkiaSharp;

namespace EdgeInfer.Imaging.Tests;

/// <summary>Issue 14 §2: sizes are read from the header, a pixel limit holds before any pixel buffer, odd shapes stay cheap.</summary>
public sealed class ImageLimitTests
{
    [Fact]
    public void TryReadSize_JpegClaiming20000Squared_GivesTheClaimWithoutDecoding()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(ImageDecoder.TryReadSize(JpegClaiming(20000, 20000), out var width, out var height));
        Assert.Equal((20000, 20000), (width, height));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
    }

    [Fact]
    public void TryDecode_OverThePixelLimit_RefusesNamingSizeAndLimitBeforeAllocating()
    {
        var jpeg = JpegClaiming(20000, 20000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(ImageDecoder.TryDecode(jpeg, 16_000_000, out var image, out var problem));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Null(image);
        Assert.Contains("20000x20000", problem, StringComparison.Ordinal);
        Assert.Contains("16000000", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_AtThePixelLimit_Decodes()
    {
        var png = Encode(40, 25, SKEncodedImageFormat.Png);
        Assert.True(ImageDecoder.TryDecode(png, 1000, out var image, out _));
        Assert.Equal((40, 25), (image!.Width, image.Height));
        Assert.False(ImageDecoder.TryDecode(png, 999, out _, out _));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png)]
    public void TryDecode_RowByRow_GivesTheSamePixelsAsAWholeDecode(SKEncodedImageFormat format)
    {
        using var source = new SKBitmap(97, 61);
        for (var y = 0; y < 61; y++)
        {
            for (var x = 0; x < 97; x++)
            {
                source.SetPixel(x, y, new SKColor((byte)(x * 2), (byte)(y * 4), (byte)((x * y) % 251)));
            }
        }

        using var encoded = SKImage.FromBitmap(source).Encode(format, 85);
        var bytes = encoded.ToArray();
        using var whole = SKBitmap.Decode(bytes, new SKImageInfo(97, 61, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var rgba = whole.GetPixelSpan();
        var expected = new byte[97 * 61 * 3];
        for (int p = 0, q = 0; q < expected.Length; p += 4, q += 3)
        {
            (expected[q], expected[q + 1], expected[q + 2]) = (rgba[p], rgba[p + 1], rgba[p + 2]);
        }

        Assert.True(ImageDecoder.TryDecode(bytes, out var image, out _));
        Assert.Equal(expected, image!.Pixels);
    }

    [Fact]
    public void Process_OneByMillionImage_ResamplesOnlyTheRowsTheCropNeeds()
    {
        var image = new RawImage(1, 1_000_000, 3, new byte[3_000_000]);
        var output = new float[3 * 224 * 224];
        var preprocessor = new ImagePreprocessor(PreprocessOptions.ImageNet);
        var before = GC.GetAllocatedBytesForCurrentThread();
        preprocessor.Process(image, output);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 10_000_000, $"allocated {allocated} bytes"); // every row would be 1e6 · 224 floats = 896 MB
    }

    [Fact]
    public void Process_TallImage_EqualsTheFullRowComputation()
    {
        // Only a band of rows is resampled: a 3x9 grey ramp through Raw255(3) (no resize, centre crop 3) keeps rows 3..5.
        var pixels = Enumerable.Range(0, 27).Select(i => (byte)(i * 9)).ToArray();
        var output = new float[3 * 3 * 3];
        new ImagePreprocessor(PreprocessOptions.Raw255(3)).Process(new RawImage(3, 9, 1, pixels), output);
        Assert.Equal(pixels[9..18].Select(p => (double)p), output[..9].Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-3);
    }

    [Fact]
    public void ResizedSize_ExtremeAspect_DoesNotOverflow()
    {
        Assert.Equal((256, int.MaxValue), ImagePreprocessor.ResizedSize(1, 16_000_000, 256));
        Assert.Equal((int.MaxValue, 256), ImagePreprocessor.ResizedSize(16_000_000, 1, 256));
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(10, 200, 30));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Encode(64, 64, SKEncodedImageFormat.Jpeg);
        for (var i = 2; i + 9 < jpeg.Length; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC2)
            {
                (jpeg[i + 5], jpeg[i + 6], jpeg[i + 7], jpeg[i + 8]) = ((byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("No SOF marker in the encoded JPEG.");
    }
}
