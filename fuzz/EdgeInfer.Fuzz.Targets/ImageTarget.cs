using EdgeInfer.Edge.Hosting;
using EdgeInfer.Imaging;
using SkiaSharp;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// Image decoding and preprocessing as the edge and the accuracy evaluation do it: decode to RGB, then resize, crop and
/// normalise to a 32 × 32 input. <see cref="ImageDecoder.TryDecode(ReadOnlySpan{byte}, out RawImage?, out string?)"/>
/// never throws on bad data (false with a reason), so every exception is a finding. Images whose header claims more than
/// <see cref="MaxPixels"/> are skipped before decoding, as the edge refuses those over its
/// <see cref="EdgeResourceLimits.MaxImagePixels"/> (lower here, to keep executions fast).
/// </summary>
public static class ImageTarget
{
    /// <summary>The largest image decoded (pixels).</summary>
    public const long MaxPixels = 4_000_000;

    private static readonly ImagePreprocessor Preprocessor = new(PreprocessOptions.ImageNet with { ResizeShorterSide = 37, CropSize = 32 });

    /// <summary>Decodes and preprocesses <paramref name="input"/>.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (ClaimedPixels(input) > MaxPixels)
        {
            return;
        }

        if (ImageDecoder.TryDecode(input, out var image, out var problem))
        {
            Preprocessor.Process(image!, new float[Preprocessor.OutputLength]);
        }
        else if (string.IsNullOrEmpty(problem))
        {
            throw new InvalidOperationException("TryDecode returned false without saying why.");
        }
    }

    /// <summary>Width × height from the image's header (0 when it is not an image).</summary>
    public static long ClaimedPixels(ReadOnlySpan<byte> input)
    {
        using var data = SKData.CreateCopy(input);
        using var codec = SKCodec.Create(data);
        return codec is null ? 0 : (long)codec.Info.Width * codec.Info.Height;
    }
}
