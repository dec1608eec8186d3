namespace EdgeInfer.Contracts;

/// <summary>Server-side phase times of one inference request, in seconds.</summary>
public sealed record InferenceTimings(double DecodeSeconds, double QueueSeconds, double PruneSeconds, double LoadSeconds, double InferenceSeconds)
{
    /// <summary>Sum of the phases.</summary>
    public double TotalSeconds => DecodeSeconds + QueueSeconds + PruneSeconds + LoadSeconds + InferenceSeconds;

    /// <summary>The <c>Server-Timing</c> header value (durations in milliseconds).</summary>
    public string ToServerTiming() => FormattableString.Invariant(
        $"decode;dur={DecodeSeconds * 1e3:0.###}, queue;dur={QueueSeconds * 1e3:0.###}, prune;dur={PruneSeconds * 1e3:0.###}, ")
        + FormattableString.Invariant(
            $"load;dur={LoadSeconds * 1e3:0.###}, inference;dur={InferenceSeconds * 1e3:0.###}, total;dur={TotalSeconds * 1e3:0.###}");
}
