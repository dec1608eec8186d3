using System.Collections.Concurrent;
using EdgeInfer.Imaging;
using EdgeInfer.Models;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// An uploaded JPEG/PNG to a model's input exactly as the accuracy evaluation prepares images for that model
/// (<see cref="ImagePreprocessor"/>): the preprocessing stored in the model's <c>edgeinfer.preprocess</c> metadata (a
/// trained classifier's, e.g. <c>resnet18-fmnist</c>), else the standard ImageNet one at the model's input size
/// (decode to RGB, resize the shorter side to 256/224 of it, antialiased in float, centre crop, mean (0.485, 0.456, 0.406)
/// and std (0.229, 0.224, 0.225), CHW). The choice is read once per model file (its metadata only, not its graph).
/// </summary>
public static class ImagePreprocessing
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written, int Size), ImagePreprocessor> Preprocessors = new();

    /// <summary>The standard ImageNet preprocessing for a square input of <paramref name="size"/> pixels.</summary>
    public static PreprocessOptions ImageNetFor(int size) =>
        PreprocessOptions.ImageNet with { CropSize = size, ResizeShorterSide = (int)Math.Round(size * 256.0 / 224.0) };

    /// <summary>What an image for the model in <paramref name="modelPath"/> (input <paramref name="size"/>²) goes through.</summary>
    /// <exception cref="Core.EdgeInferInputException">The model's preprocessing metadata is malformed or does not fit its input.</exception>
    public static PreprocessOptions OptionsFor(string modelPath, int size)
    {
        if (!OnnxMetadataProps.Read(modelPath).TryGetValue(ModelSpecs.PreprocessKey, out var spec))
        {
            return ImageNetFor(size);
        }

        PreprocessOptions options;
        try
        {
            options = PreprocessOptions.ParseSpec(spec);
        }
        catch (FormatException ex)
        {
            throw new Core.EdgeInferInputException($"Model '{modelPath}' has malformed {ModelSpecs.PreprocessKey} metadata '{spec}': {ex.Message}", ex);
        }

        return options.CropSize == size
            ? options
            : throw new Core.EdgeInferInputException(
                $"Model '{modelPath}' declares {ModelSpecs.PreprocessKey} crop {options.CropSize}, but its input is {size}×{size}.");
    }

    /// <summary>
    /// Decodes <paramref name="encoded"/> and writes 3·size·size floats (CHW) for the model in <paramref name="modelPath"/>,
    /// or returns false when it is not a decodable image.
    /// </summary>
    public static bool TryProcess(ReadOnlySpan<byte> encoded, string modelPath, int size, Span<float> destination) =>
        TryProcess(encoded, ImageDecoder.MaxDecodablePixels, modelPath, size, destination, out _);

    /// <summary>
    /// Decodes <paramref name="encoded"/> if its header claims at most <paramref name="maxPixels"/> pixels and writes
    /// 3·size·size floats (CHW) for the model in <paramref name="modelPath"/>; false, with <paramref name="problem"/>, otherwise.
    /// </summary>
    public static bool TryProcess(ReadOnlySpan<byte> encoded, long maxPixels, string modelPath, int size, Span<float> destination, out string? problem)
    {
        if (!ImageDecoder.TryDecode(encoded, maxPixels, out var image, out problem))
        {
            return false;
        }

        var key = (modelPath, File.GetLastWriteTimeUtc(modelPath), size);
        Preprocessors.GetOrAdd(key, k => new ImagePreprocessor(OptionsFor(k.Path, k.Size))).Process(image!, destination);
        return true;
    }
}
