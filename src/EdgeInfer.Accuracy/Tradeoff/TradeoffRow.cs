using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Accuracy.Tradeoff;

/// <summary>
/// One variant of a trade-off measurement: its cost (MACs, file size, time to build), its speed against the full model
/// measured in the same run, and its accuracy on each dataset.
/// </summary>
/// <param name="Variant">The variant (the full model is the first row of a result).</param>
/// <param name="Macs">Multiply-accumulates per image at batch 1, when the shapes are static.</param>
/// <param name="MacsRatio">Macs / the full model's MACs, when both are known.</param>
/// <param name="OnnxBytes">Size of the variant's ONNX file, bytes.</param>
/// <param name="BuildSeconds">Time to build the variant from the full model in memory, seconds (0 for the full model).</param>
/// <param name="Latency">ORT latency of the variant, batch 1, seconds.</param>
/// <param name="FullLatency">ORT latency of the full model in the same alternating run, seconds (the full row: every run of it).</param>
/// <param name="Speedup">FullLatency median / Latency median (1 for the full model).</param>
/// <param name="Accuracy">Top-1/Top-5 per dataset, in the order the datasets were given; empty when none was measured.</param>
public sealed record TradeoffRow(
    ModelVariant Variant,
    long? Macs,
    double? MacsRatio,
    long OnnxBytes,
    double BuildSeconds,
    LatencyStatistics Latency,
    LatencyStatistics FullLatency,
    double Speedup,
    IReadOnlyList<TradeoffAccuracy> Accuracy);
