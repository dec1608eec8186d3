using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Benchmarks;

/// <summary>Builds catalog models (seeded, untrained) once into a cache folder shared by the pruning benchmarks.</summary>
internal static class PruningModelCache
{
    /// <summary>Cache folder: <c>$EDGEINFER_BENCH_CACHE</c> or the temp folder; generated models are never committed.</summary>
    public static string Directory { get; } = Environment.GetEnvironmentVariable("EDGEINFER_BENCH_CACHE") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "edgeinfer-bench");

    /// <summary>The path of the full model <paramref name="name"/>, built on first use.</summary>
    public static string Full(string name)
    {
        var path = Path.Combine(Directory, name + ".onnx");
        if (!File.Exists(path))
        {
            OnnxModelFile.Save(ModelCatalog.Find(name).Build(ModelCatalog.DefaultSeed), path);
        }

        return path;
    }

    /// <summary>A fresh output path inside the cache folder.</summary>
    public static string Output(string stem) => Path.Combine(Directory, $"{stem}-{Environment.ProcessId}.onnx");
}
