using SkiaSharp;

namespace EdgeInfer.Imaging;

/// <summary>Decodes JPEG/PNG (anything SkiaSharp's codecs read) into an RGB <see cref="RawImage"/>; never throws on bad data.</summary>
public static class ImageDecoder
{
    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <returns>False, with <paramref name="problem"/> saying why, when it is not a complete decodable image.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out RawImage? image, out string? problem)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return TryDecode(codec, SKCodecResult.Unimplemented, out image, out problem);
    }

    /// <summary>Decodes an image file.</summary>
    /// <returns>False, with <paramref name="problem"/> saying why, when it is not a complete decodable image.</returns>
    public static bool TryDecode(string path, out RawImage? image, out string? problem)
    {
        using var codec = SKCodec.Create(path, out var result);
        return TryDecode(codec, result, out image, out problem);
    }

    private static bool TryDecode(SKCodec? codec, SKCodecResult created, out RawImage? image, out string? problem)
    {
        image = null;
        if (codec is null)
        {
            problem = created == SKCodecResult.Unimplemented ? "not a decodable image" : $"not a decodable image ({created})";
            return false;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var status = codec.GetPixels(info, bitmap.GetPixels());
        if (status != SKCodecResult.Success)
        {
            problem = $"corrupt or truncated image ({status})";
            return false;
        }

        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[info.Width * info.Height * 3];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }

        image = new RawImage(info.Width, info.Height, 3, rgb);
        problem = null;
        return true;
    }
}
