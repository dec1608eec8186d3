using System.Diagnostics.CodeAnalysis;
using EdgeInfer.Core;
using EdgeInfer.Models.Building;

namespace EdgeInfer.Models.Catalog;

/// <summary>The networks of the paper that EdgeInfer builds in code: <c>resnet152</c>, <c>densenet201</c>, <c>mobilenet</c>.</summary>
public static class ModelCatalog
{
    /// <summary>The seed used when none is given.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Every buildable model, in the paper's order of size.</summary>
    public static IReadOnlyList<CatalogModel> Models { get; } =
    [
        new("mobilenet", ["mobilenet-v1", "mobilenetv1"], "MobileNet v1 (Howard et al. 2017), width 1.0, 224x224", 4_231_976, MobileNetV1Builder.Build),
        new(
            "densenet201",
            ["densenet-201"],
            "DenseNet-201 (Huang et al. 2017), growth 32, blocks 6/12/48/32, compression 0.5",
            20_013_928,
            DenseNet201Builder.Build),
        new("resnet152", ["resnet-152"], "ResNet-152 (He et al. 2016), torchvision bottleneck layout, blocks 3/8/36/3", 60_192_808, ResNet152Builder.Build),
    ];

    /// <summary>Finds a model by name or alias (case-insensitive).</summary>
    public static bool TryFind(string name, [NotNullWhen(true)] out CatalogModel? model)
    {
        ArgumentNullException.ThrowIfNull(name);
        model = Models.FirstOrDefault(m =>
            string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase) ||
            m.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));
        return model is not null;
    }

    /// <summary>Finds a model by name or alias; an unknown name is rejected with the list of known names.</summary>
    /// <exception cref="EdgeInferInputException">The name is not in the catalog.</exception>
    public static CatalogModel Find(string name) =>
        TryFind(name, out var model)
            ? model
            : throw new EdgeInferInputException($"Unknown model '{name}'; buildable models are: {string.Join(", ", Models.Select(m => m.Name))}.");
}
