namespace EdgeInfer.Imaging;

/// <summary>A decoded 8-bit image, interleaved (height, width, channels); 1 channel (grey) or 3 (R, G, B).</summary>
public sealed class RawImage
{
    /// <summary>Creates an image; <paramref name="pixels"/> must hold <c>height·width·channels</c> bytes.</summary>
    public RawImage(int width, int height, int channels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 (grey) or 3 (RGB) channels.");
        }

        if (pixels.Length != (long)width * height * channels)
        {
            throw new ArgumentException(
                $"A {width}x{height}x{channels} image needs {(long)width * height * channels} bytes, not {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>1 (grey) or 3 (R, G, B).</summary>
    public int Channels { get; }

    /// <summary>Interleaved pixel values 0..255, row-major.</summary>
    public byte[] Pixels { get; }
}
