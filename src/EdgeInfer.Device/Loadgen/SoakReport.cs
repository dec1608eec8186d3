using System.Text.Json.Serialization;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// What a soak or an overload test measured: counts by kind and by status, the windows over time, and the verdicts
/// (<see cref="Checks"/>). Latencies are end-to-end delays from each request's scheduled arrival (no coordinated omission),
/// except the rejections', which run from sending (the server's speed of refusal, without the client's dispatch lag).
/// </summary>
public sealed record SoakReport
{
    /// <summary>Model.</summary>
    public required string Model { get; init; }

    /// <summary>Offered arrival rate, requests per second.</summary>
    public required double RatePerSecond { get; init; }

    /// <summary>Arrival window, seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>From the start to the last answer, seconds.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Requests sent.</summary>
    public required int Requests { get; init; }

    /// <summary>Count per request kind (<see cref="SoakRequestKinds.Name"/>) and HTTP status (0: no answer).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByKind { get; init; }

    /// <summary>Count per HTTP status over all requests.</summary>
    public required IReadOnlyDictionary<string, int> ByStatus { get; init; }

    /// <summary>Median delay of the 2xx inferences, seconds.</summary>
    public double? InferenceP50Seconds { get; init; }

    /// <summary>99th percentile of the 2xx inferences, seconds.</summary>
    public double? InferenceP99Seconds { get; init; }

    /// <summary>2xx inferences per second of the arrival window.</summary>
    public required double GoodputPerSecond { get; init; }

    /// <summary>The measured capacity the goodput is compared with (overload), inferences per second.</summary>
    public double? CapacityPerSecond { get; init; }

    /// <summary>Answers 429 or 503.</summary>
    public required int Rejected { get; init; }

    /// <summary>Rejections carrying <c>Retry-After</c>.</summary>
    public required int RejectedWithRetryAfter { get; init; }

    /// <summary>Median time from sending a request to its rejection, seconds.</summary>
    public double? RejectionP50Seconds { get; init; }

    /// <summary>99th percentile of the time to a rejection, seconds.</summary>
    public double? RejectionP99Seconds { get; init; }

    /// <summary>Largest queue seen by the probes.</summary>
    public int? MaxQueued { get; init; }

    /// <summary>The server's queue limit (<c>/v1/status</c>).</summary>
    public int? QueueLimit { get; init; }

    /// <summary>Relative RSS change from the first window after warm-up to the last one (0.01: +1 %).</summary>
    public double? RssDrift { get; init; }

    /// <summary>The windows over time.</summary>
    public required IReadOnlyList<SoakWindow> Windows { get; init; }

    /// <summary>The verdicts.</summary>
    public required IReadOnlyList<SoakCheck> Checks { get; init; }

    /// <summary>True when every check held.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>Every request in arrival order. Not in the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<SoakSample> Samples { get; init; } = [];

    /// <summary>Every server probe. Not in the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<SoakProbe> Probes { get; init; } = [];
}
