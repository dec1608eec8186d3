using System.Collections.Concurrent;
using EdgeInfer.Imaging;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// An uploaded JPEG/PNG to the model's input exactly as the accuracy evaluation prepares images
/// (<see cref="ImagePreprocessor"/>, the standard ImageNet way): decode to RGB, resize the shorter side to 256
/// (antialiased, in float), centre crop 224, mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225), CHW. For a model
/// whose input is not 224 the crop is the model's size and the resize keeps the 256/224 ratio.
/// </summary>
public static class ImagePreprocessing
{
    private static readonly ConcurrentDictionary<int, ImagePreprocessor> Preprocessors = new();

    /// <summary>The preprocessing for a square input of <paramref name="size"/> pixels.</summary>
    public static PreprocessOptions OptionsFor(int size) =>
        PreprocessOptions.ImageNet with { CropSize = size, ResizeShorterSide = (int)Math.Round(size * 256.0 / 224.0) };

    /// <summary>Decodes <paramref name="encoded"/> and writes 3·size·size normalised floats (CHW), or returns false when it is not a decodable image.</summary>
    public static bool TryProcess(ReadOnlySpan<byte> encoded, int size, Span<float> destination)
    {
        if (!ImageDecoder.TryDecode(encoded, out var image, out _))
        {
            return false;
        }

        Preprocessors.GetOrAdd(size, s => new ImagePreprocessor(OptionsFor(s))).Process(image!, destination);
        return true;
    }
}
