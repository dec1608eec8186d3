using System.Reflection;
using EdgeInfer.Core;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// The Fashion-MNIST subset shipped inside this assembly (from <c>data/fashion-mnist-subset</c>): 2,000 training images
/// (200 per class) and 1,000 test images (100 per class), the first of each class in file order of the original splits.
/// It makes the default classifier and evaluation work offline.
/// </summary>
public static class EmbeddedSubset
{
    /// <summary>Images per class in the training split.</summary>
    public const int TrainPerClass = 200;

    /// <summary>Images per class in the test split.</summary>
    public const int TestPerClass = 100;

    private const string Prefix = "EdgeInfer.Accuracy.Data.";

    private static readonly Lazy<GreyscaleImageSet> LazyTrain = new(() => Load("train"));
    private static readonly Lazy<GreyscaleImageSet> LazyTest = new(() => Load("t10k"));

    /// <summary>The 2,000-image training split.</summary>
    public static GreyscaleImageSet Train => LazyTrain.Value;

    /// <summary>The 1,000-image test split.</summary>
    public static GreyscaleImageSet Test => LazyTest.Value;

    private static GreyscaleImageSet Load(string split)
    {
        var assembly = typeof(EmbeddedSubset).Assembly;
        var images = Read(assembly, FashionMnist.ImagesFile(split));
        var labels = Read(assembly, FashionMnist.LabelsFile(split));
        return new GreyscaleImageSet(images, labels, FashionMnist.ClassNames, $"embedded Fashion-MNIST subset ({(split == "train" ? "train" : "test")})");
    }

    private static IdxArray Read(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new EdgeInferInputException(
                $"The embedded resource '{Prefix + file}' is missing; rebuild EdgeInfer.Accuracy with data/fashion-mnist-subset present.");
        return IdxFormat.Read(stream, "embedded " + file);
    }
}
