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
}
