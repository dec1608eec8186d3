using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Benchmarks;

/// <summary>Finds the model the runtime benchmarks run.</summary>
internal static class RuntimeBenchmarkModel
{
    /// <summary>
    /// <c>EDGEINFER_BENCH_MODEL</c> if set; else MobileNet v1 (untrained, default seed) built once into
    /// <c>$TMPDIR/edgeinfer-bench/</c> (atomic write, reused by later runs and BenchmarkDotNet's child processes).
    /// </summary>
    public static string MobileNetPath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("EDGEINFER_BENCH_MODEL");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? fromEnvironment : throw new FileNotFoundException($"EDGEINFER_BENCH_MODEL '{fromEnvironment}' does not exist.", fromEnvironment);
        }

        var path = Path.Combine(Path.GetTempPath(), "edgeinfer-bench", $"mobilenet-seed{ModelCatalog.DefaultSeed}.onnx");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var model = ModelCatalog.Find("mobilenet").Build(ModelCatalog.DefaultSeed);
            AtomicFile.Write(path, stream => OnnxModelFile.Write(model, stream));
        }

        return path;
    }
}
