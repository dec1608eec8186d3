using EdgeInfer.Core;

namespace EdgeInfer.Compression.Calibration;

/// <summary>
/// Calibration images for data-aware pruning and quantization: <see cref="Count"/> images already preprocessed the way
/// the model expects (its own metadata), as one NCHW float tensor. Never the test images an accuracy is measured on.
/// </summary>
public sealed class CalibrationSet
{
    private readonly float[] pixels;

    /// <summary>Wraps <paramref name="pixels"/> (N·C·H·W values, NCHW) without copying.</summary>
    /// <param name="source">Where the images come from, for reports (<c>fashion-mnist train (embedded), 512 images</c>).</param>
    /// <param name="channels">C.</param>
    /// <param name="height">H in pixels.</param>
    /// <param name="width">W in pixels.</param>
    /// <param name="pixels">The preprocessed images; the length must be a positive multiple of C·H·W.</param>
    /// <exception cref="EdgeInferInputException">Empty images or a length that is not a whole number of images.</exception>
    public CalibrationSet(string source, int channels, int height, int width, float[] pixels)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(pixels);
        if (channels < 1 || height < 1 || width < 1)
        {
            throw new EdgeInferInputException($"Calibration images must have positive C, H, W; got {channels}×{height}×{width}.");
        }

        var image = (long)channels * height * width;
        if (pixels.Length == 0 || pixels.Length % image != 0)
        {
            throw new EdgeInferInputException(
                $"Calibration data of {pixels.Length} values is not a positive whole number of {channels}×{height}×{width} images.");
        }

        Source = source;
        Channels = channels;
        Height = height;
        Width = width;
        Count = (int)(pixels.Length / image);
        this.pixels = pixels;
    }

    /// <summary>Where the images come from.</summary>
    public string Source { get; }

    /// <summary>Number of images N.</summary>
    public int Count { get; }

    /// <summary>Channels C.</summary>
    public int Channels { get; }

    /// <summary>Height H in pixels.</summary>
    public int Height { get; }

    /// <summary>Width W in pixels.</summary>
    public int Width { get; }

    /// <summary>Values per image, C·H·W.</summary>
    public int ImageLength => Channels * Height * Width;

    /// <summary>Images <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 as one NCHW block.</summary>
    public ReadOnlyMemory<float> Images(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        return pixels.AsMemory(start * ImageLength, count * ImageLength);
    }

    /// <summary>The first <paramref name="count"/> images (all when there are fewer), sharing this set's buffer.</summary>
    public CalibrationSet Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return count >= Count
            ? this
            : new CalibrationSet($"{Source} (first {count})", Channels, Height, Width, pixels[..(count * ImageLength)]);
    }
}
