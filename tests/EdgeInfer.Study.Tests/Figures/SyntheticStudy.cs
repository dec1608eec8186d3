using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Study.Measurement;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Study.Tests.Figures;

/// <summary>Hand-made measurements: edge times grow linearly with load, device times are fixed.</summary>
internal static class SyntheticStudy
{
    public static LatencyStatistics Stat(double seconds) => LatencyStatistics.From([seconds]);

    /// <param name="name">Model name.</param>
    /// <param name="deviceFull">T_inf,d of the full model, s.</param>
    /// <param name="edgeAt">T_inf,e of the full model at each measured load, s (pruned: half of it).</param>
    public static ModelMeasurements Model(string name, double deviceFull, params (int Load, double Seconds)[] edgeAt) => new()
    {
        Model = name,
        Full = new PreparedVariant(ModelVariant.Full(name), "full.onnx", 20_000_000, 20_000_000, 5_000_000, null, false),
        Pruned = new PreparedVariant(
            ModelVariant.Pruned(name, PruningMethod.Channel, PruningFactor.Of(0.7)), "pruned.onnx", 8_000_000, 6_000_000, 2_000_000, null, false),
        DeviceFull = Stat(deviceFull),
        DevicePruned = Stat(deviceFull / 2),
        Edge = edgeAt.Select(e => new EdgeLoadMeasurement(e.Load, Stat(e.Seconds), Stat(e.Seconds / 2), Stat(0.5 + (e.Load * 0.05)))).ToArray(),
        PruneByFactor = [new PruneAtFactor(0.5, Stat(0.5)), new PruneAtFactor(0.7, Stat(0.5))],
    };
}
