namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// One window of a soak: the requests that arrived in [<paramref name="StartSeconds"/>, <paramref name="EndSeconds"/>) and
/// the server probes taken then.
/// </summary>
/// <param name="Index">0, 1, … in time order.</param>
/// <param name="StartSeconds">Start, seconds since the start of the run.</param>
/// <param name="EndSeconds">End, seconds.</param>
/// <param name="Requests">Requests that arrived in the window.</param>
/// <param name="Inferences">Well-formed inferences answered with 2xx.</param>
/// <param name="P50Seconds">Median delay of those inferences, or null when there were none.</param>
/// <param name="P99Seconds">99th percentile, or null.</param>
/// <param name="RssBytes">Mean server RSS over the window's probes, bytes, or null.</param>
/// <param name="ServerErrors">Answers with a 5xx, or none at all.</param>
/// <param name="Rejected">Answers 429 or 503.</param>
/// <param name="MaxQueued">Largest queue seen by the window's probes, or null.</param>
public sealed record SoakWindow(
    int Index,
    double StartSeconds,
    double EndSeconds,
    int Requests,
    int Inferences,
    double? P50Seconds,
    double? P99Seconds,
    double? RssBytes,
    int ServerErrors,
    int Rejected,
    int? MaxQueued);
