using System.Globalization;

namespace EdgeInfer.Contracts;

/// <summary>Server-side phase times of one inference request, in seconds.</summary>
/// <param name="DecodeSeconds">Reading and decoding the body (an image's decode and preprocessing).</param>
/// <param name="QueueSeconds">Waiting for a slot.</param>
/// <param name="PruneSeconds">Pruning the variant on demand (0 when it was ready).</param>
/// <param name="SessionOpenSeconds">Opening an ORT session for the variant, with its warm-up run (0 when one was open).</param>
/// <param name="InferenceSeconds">The ORT run.</param>
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
