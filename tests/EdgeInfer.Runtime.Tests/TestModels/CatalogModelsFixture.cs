using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Runtime.Tests.TestModels;

/// <summary>
/// Builds catalog models (untrained, default seed) into a temporary folder on first use, once per test class,
/// and removes them afterwards. ResNet-152 is a 241 MB file: only classes that need it ask for it.
/// </summary>
public sealed class CatalogModelsFixture : IDisposable
{
    private readonly Dictionary<string, string> paths = [];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("edgeinfer-runtime-catalog-").FullName;

    /// <summary>The built model file of catalog model <paramref name="name"/>.</summary>
    public string PathOf(string name)
    {
        lock (paths)
        {
            if (!paths.TryGetValue(name, out var path))
            {
                path = System.IO.Path.Combine(Directory, name + ".onnx");
                var model = ModelCatalog.Find(name).Build(ModelCatalog.DefaultSeed);
                using (var stream = File.Create(path))
                {
                    OnnxModelFile.Write(model, stream);
                }

                paths[name] = path;
            }

            return path;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
