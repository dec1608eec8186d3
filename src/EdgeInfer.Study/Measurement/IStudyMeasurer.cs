using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// What the study needs measured, one cell at a time, so that each cell can be cached and the phases can be tested with
/// a small model. <see cref="OrtStudyMeasurer"/> measures for real (ONNX Runtime, real background load, real pruning).
/// Every method may block for seconds and must honour cancellation.
/// </summary>
public interface IStudyMeasurer
{
    /// <summary>A description of this machine and runtime (CPU, cores, memory, OS, ORT and .NET versions), part of every cache key.</summary>
    IReadOnlyDictionary<string, string> Machine { get; }

    /// <summary>Builds (or finds) the variant and reports its sizes.</summary>
    PreparedVariant Prepare(ModelVariant spec, CancellationToken cancellationToken);

    /// <summary>
    /// Starts <paramref name="load"/> background inference tasks of catalog model <paramref name="loadModel"/>; they
    /// run until the result is disposed.
    /// </summary>
    IDisposable StartEdgeLoad(string loadModel, int load, CancellationToken cancellationToken);

    /// <summary>Times inference of <paramref name="variant"/> at <paramref name="role"/> (under whatever edge load runs).</summary>
    LatencyStatistics MeasureInference(PreparedVariant variant, StudyRole role, CancellationToken cancellationToken);

    /// <summary>
    /// Times pruning the full model file into <paramref name="spec"/> end to end (parse, select, mask, save),
    /// <paramref name="samples"/> times (≥ 1).
    /// </summary>
    LatencyStatistics MeasurePruning(PreparedVariant full, ModelVariant spec, int samples, CancellationToken cancellationToken);

    /// <summary>Top-1/Top-5 of <paramref name="variant"/> of the trained accuracy model on <paramref name="images"/> test images.</summary>
    MeasuredAccuracy MeasureAccuracy(ModelVariant variant, int images, CancellationToken cancellationToken);

    /// <summary>
    /// The speed side of the accuracy model's trade-off (<see cref="TradeoffMeasurer"/> without datasets): each variant's
    /// MACs, build time and ORT latency against the full model in the same alternating run.
    /// </summary>
    TradeoffResult MeasureTradeoff(string model, IReadOnlyList<ModelVariant> variants, CancellationToken cancellationToken);
}
