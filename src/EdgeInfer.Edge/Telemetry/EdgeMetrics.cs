using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace EdgeInfer.Edge.Telemetry;

/// <summary>
/// The edge's own instruments (meter <see cref="MeterName"/>, exported by <c>/metrics</c> through OpenTelemetry next to
/// ASP.NET Core's request counts and durations), and the recent-latency windows <c>/v1/status</c> reports.
/// </summary>
public sealed class EdgeMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "EdgeInfer.Edge";

    private readonly Meter meter;
    private readonly Counter<long> inferences;
    private readonly Histogram<double> inferenceSeconds;
    private readonly Histogram<double> queueSeconds;
    private readonly Counter<long> rejections;
    private readonly Counter<long> prunes;
    private readonly Histogram<double> pruneSeconds;
    private readonly Counter<long> cacheHits;
    private readonly Counter<long> cacheEvictions;
    private readonly ConcurrentDictionary<string, LatencyWindow> inferenceWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LatencyWindow> serviceWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LatencyWindow> pruneWindows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LatencyWindow> sessionOpenWindows = new(StringComparer.Ordinal);
    private long pruneCount;

    /// <summary>Creates the meter; <paramref name="queueLength"/> and <paramref name="inFlight"/> are read by its observable gauges.</summary>
    public EdgeMetrics(Func<int> queueLength, Func<int> inFlight)
    {
        meter = new Meter(MeterName);
        inferences = meter.CreateCounter<long>("edgeinfer.inferences", description: "Inferences completed at the edge.");
        inferenceSeconds = meter.CreateHistogram<double>("edgeinfer.inference.duration", "s", "ORT inference time at the edge.");
        queueSeconds = meter.CreateHistogram<double>("edgeinfer.queue.duration", "s", "Time inference requests waited for a slot.");
        rejections = meter.CreateCounter<long>(
            "edgeinfer.rejections", description: "Requests turned away to protect the server (tags: reason, status), e.g. a full inference queue.");
        prunes = meter.CreateCounter<long>("edgeinfer.prunes", description: "On-demand pruning runs.");
        pruneSeconds = meter.CreateHistogram<double>("edgeinfer.prune.duration", "s", "On-demand pruning time (file to file).");
        cacheHits = meter.CreateCounter<long>("edgeinfer.cache.hits", description: "Requests served from the on-demand cache.");
        cacheEvictions = meter.CreateCounter<long>("edgeinfer.cache.evictions", description: "Files evicted from the on-demand cache.");
        meter.CreateObservableGauge("edgeinfer.queue.length", queueLength, description: "Inference requests waiting for a slot.");
        meter.CreateObservableGauge("edgeinfer.inflight", inFlight, description: "Inferences running.");
    }

    /// <summary>On-demand prunes since start.</summary>
    public long PruneCount => Interlocked.Read(ref pruneCount);

    /// <summary>Recent inference times per model variant (<c>model/variant</c>).</summary>
    public IReadOnlyDictionary<string, LatencyWindow> InferenceWindows => inferenceWindows;

    /// <summary>Recent service times per model variant: image decode + queue + inference (prune, session open and the upload of the body excluded).</summary>
    public IReadOnlyDictionary<string, LatencyWindow> ServiceWindows => serviceWindows;

    /// <summary>
    /// Recent prune times: per model (key <c>model</c>) for the data-free methods, whose time follows the model's size; per
    /// variant (key <c>model/variant</c>) for the builds that need calibration (<c>channel-ls</c>, <c>int8</c>), which take far longer.
    /// </summary>
    public IReadOnlyDictionary<string, LatencyWindow> PruneWindows => pruneWindows;

    /// <summary>Recent session opens per model variant (ORT session and its warm-up run), when a request had to open one.</summary>
    public IReadOnlyDictionary<string, LatencyWindow> SessionOpenWindows => sessionOpenWindows;

    /// <summary>Records that a request opened a session for <paramref name="model"/>/<paramref name="variant"/>.</summary>
    public void SessionOpened(string model, string variant, double seconds) =>
        sessionOpenWindows.GetOrAdd(model + "/" + variant, _ => new LatencyWindow()).Add(seconds);

    /// <summary>Records a completed inference.</summary>
    public void Inferred(string model, string variant, double queue, double inference, double decode = 0)
    {
        serviceWindows.GetOrAdd(model + "/" + variant, _ => new LatencyWindow()).Add(decode + queue + inference);
        var tags = new KeyValuePair<string, object?>[] { new("model", model), new("variant", variant) };
        inferences.Add(1, tags);
        inferenceSeconds.Record(inference, tags);
        queueSeconds.Record(queue);
        inferenceWindows.GetOrAdd(model + "/" + variant, _ => new LatencyWindow()).Add(inference);
    }

    /// <summary>Records a rejection with its HTTP status only (reason <see cref="RejectionReasons.Unspecified"/>).</summary>
    public void Rejected(int status) => Rejected(RejectionReasons.Unspecified, status);

    /// <summary>
    /// Records a request turned away to protect the server: <c>edgeinfer_rejections_total{reason, status}</c> on <c>/metrics</c>.
    /// Every host-side refusal of this kind calls it (admission, rate limits, build queues, size limits).
    /// </summary>
    /// <param name="reason">A short snake_case tag, one of <see cref="RejectionReasons"/> or the caller's own.</param>
    /// <param name="status">The HTTP status answered (429, 503, 413, …); null: not recorded as a tag.</param>
    public void Rejected(string reason, int? status = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (status is { } code)
        {
            rejections.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("status", code));
        }
        else
        {
            rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    /// <summary>Records an on-demand build of <paramref name="variant"/> (null: a data-free prune, counted per model).</summary>
    public void Pruned(string model, double seconds, string? variant = null)
    {
        Interlocked.Increment(ref pruneCount);
        prunes.Add(1, new KeyValuePair<string, object?>("model", model));
        pruneSeconds.Record(seconds, new KeyValuePair<string, object?>("model", model));
        pruneWindows.GetOrAdd(variant is null ? model : $"{model}/{variant}", _ => new LatencyWindow()).Add(seconds);
    }

    /// <summary>Records a cache hit.</summary>
    public void CacheHit() => cacheHits.Add(1);

    /// <summary>Records an eviction.</summary>
    public void CacheEviction() => cacheEvictions.Add(1);

    /// <inheritdoc/>
    public void Dispose() => meter.Dispose();
}
