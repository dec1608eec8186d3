using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EdgeInfer.Models.Files;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Pruning.Wire;
using Onnx;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// In-memory encode and decode of a globally pruned model in the <c>.eiw</c> wire format (sizes are reported by
/// <c>edgeinfer prune --sizes</c>). Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*WireBenchmarks*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class WireBenchmarks
{
    private ModelProto _model = new();
    private byte[] _wire = [];

    [Params("resnet152")]
    public string Model { get; set; } = "resnet152";

    [Params(0.7)]
    public double PruningFactor { get; set; }

    [Params(WireCompression.Brotli, WireCompression.None)]
    public WireCompression Compression { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = OnnxModelFile.Load(PruningModelCache.Full(Model));
        MagnitudePruner.PruneInPlace(_model, new MagnitudePruningOptions(PruningFactor));
        _wire = WireCodec.Encode(_model, new WireOptions(Compression));
    }

    [Benchmark]
    public int Encode() => WireCodec.Encode(_model, new WireOptions(Compression)).Length;

    [Benchmark]
    public int Decode() => WireCodec.Decode(_wire).Graph.Initializer.Count;
}
