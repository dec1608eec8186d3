using SkiaSharp;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// Decodes a JPEG/PNG and preprocesses it the standard ImageNet way (as the accuracy issue specifies): resize the
/// shorter side to 256 (bilinear, in float after decoding to RGB), centre crop 224, scale to [0, 1], normalise with mean
/// (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), CHW. For a model whose input is not 224, the crop is the model's
/// size and the resize keeps the 256/224 ratio.
/// </summary>
public static class ImagePreprocessing
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>Decodes <paramref name="encoded"/> and writes 3·size·size normalised floats (CHW), or returns false when it is not a decodable image.</summary>
    public static bool TryProcess(ReadOnlySpan<byte> encoded, int size, Span<float> destination)
    {
        using var data = SKData.CreateCopy(encoded);
        using var bitmap = SKBitmap.Decode(data);
        if (bitmap is null || bitmap.Width < 1 || bitmap.Height < 1)
        {
            return false;
        }

        var shorter = (int)Math.Round(size * 256.0 / 224.0);
        var (w, h) = bitmap.Width <= bitmap.Height
            ? (shorter, (int)((long)shorter * bitmap.Height / bitmap.Width))
            : ((int)((long)shorter * bitmap.Width / bitmap.Height), shorter);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        if (resized is null)
        {
            return false;
        }

        var left = (w - size) / 2;
        var top = (h - size) / 2;
        var pixels = resized.GetPixelSpan();
        var plane = size * size;
        for (var y = 0; y < size; y++)
        {
            var row = ((top + y) * w) + left;
            for (var x = 0; x < size; x++)
            {
                var p = (row + x) * 4;
                var o = (y * size) + x;
                for (var c = 0; c < 3; c++)
                {
                    destination[(c * plane) + o] = ((pixels[p + c] / 255f) - Mean[c]) / Std[c];
                }
            }
        }

        return true;
    }
}
