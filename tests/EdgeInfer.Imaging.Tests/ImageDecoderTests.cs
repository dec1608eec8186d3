using SkiaSharp;

namespace EdgeInfer.Imaging.Tests;

public sealed class ImageDecoderTests
{
    [Fact]
    public void TryDecode_Png_GivesItsRgbPixels()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 2, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(255, 0, 0));
        bitmap.SetPixel(2, 1, new SKColor(10, 20, 30));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        Assert.True(ImageDecoder.TryDecode(png.ToArray(), out var image, out var problem));
        Assert.Null(problem);
        Assert.Equal((3, 2, 3), (image!.Width, image.Height, image.Channels));
        Assert.Equal([255, 0, 0], image.Pixels[..3]);
        Assert.Equal([10, 20, 30], image.Pixels[^3..]);
    }

    [Fact]
    public void TryDecode_NotAnImage_SaysSoWithoutThrowing()
    {
        Assert.False(ImageDecoder.TryDecode("no picture here"u8, out var image, out var problem));
        Assert.Null(image);
        Assert.Contains("not a decodable image", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_TruncatedPng_SaysItIsCorrupt()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(64, 64, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(new SKColor(1, 2, 3));
        var png = bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        Assert.False(ImageDecoder.TryDecode(png.AsSpan(0, png.Length / 2), out _, out var problem));
        Assert.NotNull(problem);
    }
}
