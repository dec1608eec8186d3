using EdgeInfer.Compression.Calibration;
using EdgeInfer.Core;
using EdgeInfer.Imaging;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// Calibration images for data-aware pruning and quantization, taken from any dataset the <c>evaluate</c> command reads
/// and preprocessed with the model's own preprocessing. The default is the embedded Fashion-MNIST <b>training</b>
/// subset: never the test images an accuracy is measured on.
/// </summary>
public static class CalibrationImages
{
    /// <summary>Images used when nothing else is said (the 512; the embedded training subset has 2,000).</summary>
    public const int DefaultCount = 512;

    /// <summary>
    /// <paramref name="count"/> images of <paramref name="source"/> (all when it has fewer), evenly spaced over it so that a
    /// class-ordered dataset still gives every class, preprocessed with <paramref name="preprocessing"/>.
    /// </summary>
    /// <exception cref="EdgeInferInputException">A count below 1, or an unreadable image (named).</exception>
    public static CalibrationSet From(ILabelledImageSource source, PreprocessOptions preprocessing, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(preprocessing);
        if (count < 1)
        {
            throw new EdgeInferInputException($"calibration image count {count} must be at least 1.");
        }

        count = Math.Min(count, source.Count);
        var pre = new ImagePreprocessor(preprocessing);
        var length = pre.OutputLength;
        var pixels = new float[(long)count * length];
        var problems = new string?[count];
        Parallel.For(0, count, i =>
        {
            var index = (int)((long)i * source.Count / count);
            if (source.TryDecode(index, out var image, out var problem))
            {
                pre.Process(image!, pixels.AsSpan(i * length, length));
            }
            else
            {
                problems[i] = problem ?? $"image {index}: unreadable";
            }
        });

        if (problems.FirstOrDefault(p => p is not null) is { } first)
        {
            throw new EdgeInferInputException($"Calibration images from {source.Description}: {first}");
        }

        var size = preprocessing.CropSize;
        return new CalibrationSet($"{source.Description}, {count} images", 3, size, size, pixels);
    }

    /// <summary><paramref name="count"/> images of the embedded Fashion-MNIST training subset.</summary>
    public static CalibrationSet Default(PreprocessOptions preprocessing, int count = DefaultCount) =>
        From(EmbeddedSubset.Train, preprocessing, count);
}
