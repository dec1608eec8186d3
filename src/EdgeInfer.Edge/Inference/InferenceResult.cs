using System.Globalization;
using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Edge.Inference;

/// <summary>The JSON answer of <c>POST /v1/models/{name}/infer</c>.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Variant">Variant that ran (<c>full</c>, <c>global-0.7</c>, …).</param>
/// <param name="Origin">Where the variant came from: repository, prepruned, cached, pruned (on demand for this request).</param>
/// <param name="Input">How the input arrived: tensor or image.</param>
/// <param name="Top5">The five most probable classes.</param>
/// <param name="Timings">Seconds per phase (decode, queue, prune, session open, inference), as in Server-Timing.</param>
public sealed record InferenceResult(string Model, string Variant, string Origin, string Input, IReadOnlyList<ClassScore> Top5, InferenceTimings Timings);

/// <summary>Server-side phase times of one inference request, in seconds.</summary>
public sealed record InferenceTimings(double DecodeSeconds, double QueueSeconds, double PruneSeconds, double SessionOpenSeconds, double InferenceSeconds)
{
    /// <summary>Sum of the phases.</summary>
    public double TotalSeconds => DecodeSeconds + QueueSeconds + PruneSeconds + SessionOpenSeconds + InferenceSeconds;

    /// <summary>The <c>Server-Timing</c> header value (durations in milliseconds).</summary>
    public string ToServerTiming()
    {
        var invariant = CultureInfo.InvariantCulture;
        return string.Create(invariant, $"decode;dur={DecodeSeconds * 1e3:0.###}, queue;dur={QueueSeconds * 1e3:0.###}, ")
            + string.Create(invariant, $"prune;dur={PruneSeconds * 1e3:0.###}, session-open;dur={SessionOpenSeconds * 1e3:0.###}, ")
            + string.Create(invariant, $"inference;dur={InferenceSeconds * 1e3:0.###}, total;dur={TotalSeconds * 1e3:0.###}");
    }
}
