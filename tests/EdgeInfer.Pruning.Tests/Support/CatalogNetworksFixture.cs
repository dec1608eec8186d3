using EdgeInfer.Models.Building;
using EdgeInfer.Models.Catalog;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>
/// The catalog networks and <see cref="TinyNetwork"/> with seeded weights, built once per test class and fed 64×64
/// images instead of 224×224 (every one ends in a global pool, so only the spatial sizes change): ResNet-152 runs in
/// ORT about 12× faster that way. Tests get a copy to change.
/// </summary>
public sealed class CatalogNetworksFixture
{
    /// <summary>The input side the fixture's models are fed, in pixels.</summary>
    public const int ImageSize = 64;

    private readonly Dictionary<string, ModelProto> models = [];

    /// <summary>A fresh copy of <paramref name="name"/> (a catalog name or <c>tiny</c>).</summary>
    public ModelProto Copy(string name)
    {
        lock (models)
        {
            if (!models.TryGetValue(name, out var model))
            {
                model = name == "tiny" ? TinyNetwork.Build() : ModelCatalog.Find(name).Build(ModelCatalog.DefaultSeed);
                var dims = model.Graph.Input[0].Type.TensorType.Shape.Dim;
                dims[2].DimValue = ImageSize;
                dims[3].DimValue = ImageSize;
                models[name] = model;
            }

            return model.Clone();
        }
    }
}
