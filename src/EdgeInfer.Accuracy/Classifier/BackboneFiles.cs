using EdgeInfer.Core;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// Locates the pretrained ResNet-18 files of the NuGet package <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> 0.23.1,
/// which the build copies next to the assemblies under <c>DnnImageModels/</c>: <c>ResNet18.onnx</c> (ImageNet-trained CNTK
/// export, opset 8, weights in <c>float_data</c>) and <c>ResNetPreprocess.onnx</c> (RGB → BGR and the 224×224 mean image).
/// </summary>
public static class BackboneFiles
{
    /// <summary>The NuGet package the backbone comes from.</summary>
    public const string PackageId = "Microsoft.ML.DnnImageFeaturizer.ResNet18";

    /// <summary>The package version.</summary>
    public const string PackageVersion = "0.23.1";

    /// <summary>Path of <c>ResNet18.onnx</c>.</summary>
    public static string Backbone => Find("ResNet18.onnx", "ResNet18Onnx");

    /// <summary>Path of <c>ResNetPreprocess.onnx</c>.</summary>
    public static string Preprocess => Find("ResNetPreprocess.onnx", "ResNetPrepOnnx");

    private static string Find(string file, string packageFolder)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", file);
        if (File.Exists(local))
        {
            return local;
        }

        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packaged = Path.Combine(root, PackageId.ToLowerInvariant(), PackageVersion, "tools", "DnnImageModels", packageFolder, file);
        if (File.Exists(packaged))
        {
            return packaged;
        }

        throw new EdgeInferInputException(
            $"The pretrained backbone file '{file}' was found neither at '{local}' nor at '{packaged}'; "
            + $"build EdgeInfer.Accuracy (it copies it out of the NuGet package {PackageId} {PackageVersion}).");
    }
}
