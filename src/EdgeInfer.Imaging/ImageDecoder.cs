using SkiaSharp;

namespace EdgeInfer.Imaging;

/// <summary>
/// Decodes JPEG/PNG (anything SkiaSharp's codecs read) into an RGB <see cref="RawImage"/>; never throws on bad data. The
/// size comes from the header alone (<see cref="TryReadSize"/>), so an image can be refused by its pixel count before a
/// pixel buffer exists; the decoder writes into a buffer of exactly that size, so a header that lies about the size
/// cannot make it allocate more.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Most pixels any decode accepts: the RGBA buffer SkiaSharp decodes into must fit one .NET array.</summary>
    public const long MaxDecodablePixels = int.MaxValue / 4;

    /// <summary>Reads the width and height from the image's header, without decoding (or allocating) its pixels.</summary>
    /// <returns>False when no codec recognises the data.</returns>
    public static bool TryReadSize(ReadOnlySpan<byte> encoded, out int width, out int height)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        (width, height) = codec is null ? (0, 0) : (codec.Info.Width, codec.Info.Height);
        return codec is not null;
    }

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <returns>False, with <paramref name="problem"/> saying why, when it is not a complete decodable image.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out RawImage? image, out string? problem) =>
        TryDecode(encoded, MaxDecodablePixels, out image, out problem);

    /// <summary>
    /// Decodes an encoded image held in memory if its header claims at most <paramref name="maxPixels"/> pixels (width ×
    /// height); a larger one is refused before any pixel buffer is allocated.
    /// </summary>
    /// <returns>False, with <paramref name="problem"/> saying why, when it is too large or not a complete decodable image.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, long maxPixels, out RawImage? image, out string? problem)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        return TryDecode(codec, SKCodecResult.Unimplemented, maxPixels, out image, out problem);
    }

    /// <summary>Decodes an image file.</summary>
    /// <returns>False, with <paramref name="problem"/> saying why, when it is not a complete decodable image.</returns>
    public static bool TryDecode(string path, out RawImage? image, out string? problem)
    {
        using var codec = SKCodec.Create(path, out var result);
        return TryDecode(codec, result, MaxDecodablePixels, out image, out problem);
    }

    private static bool TryDecode(SKCodec? codec, SKCodecResult created, long maxPixels, out RawImage? image, out string? problem)
    {
        image = null;
        if (codec is null)
        {
            problem = created == SKCodecResult.Unimplemented ? "not a decodable image" : $"not a decodable image ({created})";
            return false;
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var pixels = (long)width * height;
        if (width < 1 || height < 1 || pixels > Math.Min(maxPixels, MaxDecodablePixels))
        {
            problem = $"{width}x{height} is {pixels} pixels, more than the {Math.Min(maxPixels, MaxDecodablePixels)} allowed";
            return false;
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgb = new byte[(long)width * height * 3];
        var status = codec.ScanlineOrder == SKCodecScanlineOrder.TopDown && codec.StartScanlineDecode(info) == SKCodecResult.Success
            ? DecodeByRows(codec, width, height, rgb)
            : DecodeWhole(codec, info, rgb);
        if (status != SKCodecResult.Success)
        {
            problem = $"corrupt or truncated image ({status})";
            return false;
        }

        image = new RawImage(width, height, 3, rgb);
        problem = null;
        return true;
    }

    /// <summary>Row by row through one RGBA row: the decode holds 3 bytes per pixel (the result), not 7.</summary>
    private static SKCodecResult DecodeByRows(SKCodec codec, int width, int height, byte[] rgb)
    {
        using var row = new SKBitmap(new SKImageInfo(width, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pointer = row.GetPixels();
        for (var y = 0; y < height; y++)
        {
            if (codec.GetScanlines(pointer, 1, row.RowBytes) != 1)
            {
                return SKCodecResult.IncompleteInput;
            }

            ToRgb(row.GetPixelSpan()[..(width * 4)], rgb.AsSpan(y * width * 3, width * 3));
        }

        return SKCodecResult.Success;
    }

    /// <summary>The whole image at once (interlaced PNGs, bottom-up formats).</summary>
    private static SKCodecResult DecodeWhole(SKCodec codec, SKImageInfo info, byte[] rgb)
    {
        using var bitmap = new SKBitmap(info);
        var status = codec.GetPixels(info, bitmap.GetPixels());
        if (status == SKCodecResult.Success)
        {
            ToRgb(bitmap.GetPixelSpan(), rgb);
        }

        return status;
    }

    private static void ToRgb(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
    }
}
