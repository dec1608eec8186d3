namespace EdgeInfer.Benchmarks;

/// <summary>Finds the model the runtime benchmarks run.</summary>
internal static class RuntimeBenchmarkModel
{
    /// <summary><c>EDGEINFER_BENCH_MODEL</c> if set, else an error naming it.</summary>
    public static string MobileNetPath()
    {
        var path = Environment.GetEnvironmentVariable("EDGEINFER_BENCH_MODEL");
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new InvalidOperationException("Set EDGEINFER_BENCH_MODEL to a MobileNet v1 ONNX file.");
        }

        return path;
    }
}
