using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Files;
using Google.Protobuf;
using Onnx;

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
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new FileNotFoundException($"EDGEINFER_BENCH_MODEL '{fromEnvironment}' does not exist.", fromEnvironment);
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

    /// <summary>
    /// A model whose inference costs almost nothing (Relu over a [N,1000] float input), so the wrapper's and ORT's
    /// per-call costs are what a benchmark of it measures. Written once into <c>$TMPDIR/edgeinfer-bench/</c>.
    /// </summary>
    public static string TrivialPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "edgeinfer-bench", "relu-1000.onnx");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var graph = new GraphProto { Name = "relu" };
            graph.Input.Add(Value("input"));
            graph.Output.Add(Value("logits"));
            var node = new NodeProto { OpType = "Relu", Name = "relu" };
            node.Input.Add("input");
            node.Output.Add("logits");
            graph.Node.Add(node);
            var model = new ModelProto { IrVersion = 8, ProducerName = "edgeinfer-bench", Graph = graph };
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
            AtomicFile.Write(path, stream => model.WriteTo(stream));
        }

        return path;
    }

    private static ValueInfoProto Value(string name)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1000 });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
