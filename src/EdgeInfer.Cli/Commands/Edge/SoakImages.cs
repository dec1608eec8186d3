using EdgeInfer.Device.Execution;
using SkiaSharp;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>The image bodies of <c>soak</c>'s image inferences: a 320 × 240 PNG and a 256 × 256 JPEG of a colour gradient.</summary>
internal static class SoakImages
{
    public static IReadOnlyList<DeviceInput> Create() =>
    [
        new DeviceInput(Encode(320, 240, SKEncodedImageFormat.Png, 100), "image/png", null, "soak gradient 320x240 PNG"),
        new DeviceInput(Encode(256, 256, SKEncodedImageFormat.Jpeg, 90), "image/jpeg", null, "soak gradient 256x256 JPEG"),
    ];

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)x, (byte)y, (byte)(x ^ y)));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
