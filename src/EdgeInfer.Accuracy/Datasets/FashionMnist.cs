namespace EdgeInfer.Accuracy.Datasets;

/// <summary>Facts about Fashion-MNIST (Xiao, Rasul and Vollgraf 2017, MIT licence): class names and file names.</summary>
public static class FashionMnist
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the dataset.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The ten class names, index = label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    /// <summary>The image file name of a split (<c>train</c> or <c>t10k</c>), gzip.</summary>
    public static string ImagesFile(string split) => $"{split}-images-idx3-ubyte.gz";

    /// <summary>The label file name of a split (<c>train</c> or <c>t10k</c>), gzip.</summary>
    public static string LabelsFile(string split) => $"{split}-labels-idx1-ubyte.gz";
}
