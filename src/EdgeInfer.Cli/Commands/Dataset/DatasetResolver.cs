using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;

namespace EdgeInfer.Cli.Commands.Dataset;

/// <summary>Maps a <c>--dataset</c> value to a source: <c>default</c>, a folder of Fashion-MNIST/MNIST IDX files, or an image folder.</summary>
internal static class DatasetResolver
{
    public static ILabelledImageSource Open(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value == "default")
        {
            return EmbeddedSubset.Test;
        }

        if (!Directory.Exists(value))
        {
            throw new EdgeInferInputException($"--dataset '{value}' is neither 'default' nor an existing folder (IDX files or one sub-folder per class).");
        }

        if (File.Exists(Path.Combine(value, FashionMnist.ImagesFile("t10k"))))
        {
            return GreyscaleImageSet.LoadFashionMnist(value, "t10k");
        }

        if (File.Exists(Path.Combine(value, "t10k-images-idx3-ubyte")))
        {
            return GreyscaleImageSet.Load(
                Path.Combine(value, "t10k-images-idx3-ubyte"), Path.Combine(value, "t10k-labels-idx1-ubyte"), FashionMnist.ClassNames);
        }

        return ImageFolderSource.Open(value);
    }

    /// <summary>
    /// Maps a <c>--calibration</c> value to the images calibration is taken from, never the test images:
    /// <c>default</c> is the embedded Fashion-MNIST <b>training</b> subset; a folder of IDX files gives its training split
    /// (<c>train-images-idx3-ubyte[.gz]</c>); any other folder is an image folder (one sub-folder per class).
    /// </summary>
    public static ILabelledImageSource OpenCalibration(string? value, string flag)
    {
        if (string.IsNullOrWhiteSpace(value) || value == "default")
        {
            return EmbeddedSubset.Train;
        }

        if (!Directory.Exists(value))
        {
            throw new EdgeInferInputException(
                $"{flag} '{value}' is neither 'default' nor an existing folder (IDX files with a train split, or one sub-folder per class).");
        }

        if (File.Exists(Path.Combine(value, FashionMnist.ImagesFile("train"))))
        {
            return GreyscaleImageSet.LoadFashionMnist(value, "train");
        }

        if (File.Exists(Path.Combine(value, "train-images-idx3-ubyte")))
        {
            return GreyscaleImageSet.Load(
                Path.Combine(value, "train-images-idx3-ubyte"), Path.Combine(value, "train-labels-idx1-ubyte"), FashionMnist.ClassNames);
        }

        return ImageFolderSource.Open(value);
    }
}
