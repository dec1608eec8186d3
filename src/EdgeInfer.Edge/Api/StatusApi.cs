using EdgeInfer.Edge.Admission;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeInfer.Edge.Api;

/// <summary><c>GET /v1/status</c> (what a device needs to decide), <c>/healthz</c> (alive) and <c>/readyz</c> (taking work).</summary>
public static class StatusApi
{
    /// <summary>Maps the status and health endpoints.</summary>
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/status", (AdmissionGate gate, EdgeMetrics metrics, VariantStore store, BackgroundLoadService load, EdgeWarmup warmup, EdgeServerOptions options) =>
            TypedResults.Ok(Status(gate, metrics, store, load, warmup, options)));
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapGet("/readyz", (AdmissionGate gate, EdgeWarmup warmup) => gate.Draining
            ? Results.Problem(statusCode: 503, title: "Not ready", detail: "The edge server is shutting down.")
            : !warmup.State.Done
                ? Results.Problem(statusCode: 503, title: "Not ready", detail: "The edge server is warming up (prune calibration, first calls).")
                : Results.Text("ready"));
        return app;
    }

    internal static StatusView Status(AdmissionGate gate, EdgeMetrics metrics, VariantStore store, BackgroundLoadService load, EdgeWarmup warmup, EdgeServerOptions options)
    {
        static List<RecentTimes> PerVariant(IReadOnlyDictionary<string, LatencyWindow> windows) => windows.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var s = kv.Value.Summary()!;
            var slash = kv.Key.IndexOf('/', StringComparison.Ordinal);
            return new RecentTimes(kv.Key[..slash], kv.Key[(slash + 1)..], kv.Value.Count, s.MedianSeconds, s.P90Seconds, s.P99Seconds);
        }).ToList();
        var prune = metrics.PruneWindows.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var s = kv.Value.Summary()!;
            return new RecentTimes(kv.Key, null, kv.Value.Count, s.MedianSeconds, s.P90Seconds, s.P99Seconds);
        }).ToList();
        return new StatusView(
            gate.InFlight,
            gate.Queued,
            gate.MaxConcurrency,
            gate.QueueLimit,
            options.EffectiveIntraOpThreads,
            Environment.ProcessorCount,
            gate.Draining,
            new LoadView(options.BackgroundLoad, load.Model, load.Load?.CompletedInferences ?? 0),
            metrics.PruneCount,
            new CacheView(store.Cache.TotalBytes(), store.Cache.LimitBytes, store.Cache.Evictions),
            PerVariant(metrics.InferenceWindows),
            PerVariant(metrics.ServiceWindows),
            prune,
            PerVariant(metrics.SessionOpenWindows),
            warmup.State);
    }
}

/// <summary>The edge's state for a deciding device.</summary>
/// <param name="InFlight">Inferences running now.</param>
/// <param name="Queued">Inference requests waiting for a slot.</param>
/// <param name="MaxConcurrency">Slots.</param>
/// <param name="QueueLimit">Waiting places.</param>
/// <param name="IntraOpThreads">Threads per inference session.</param>
/// <param name="ProcessorCount">Cores of the edge machine.</param>
/// <param name="Draining">True while shutting down.</param>
/// <param name="BackgroundLoad">The emulated edge load.</param>
/// <param name="Prunes">On-demand prunes since start.</param>
/// <param name="Cache">On-demand cache use.</param>
/// <param name="Inference">Recent ORT inference times (last 256) per model variant, seconds.</param>
/// <param name="Service">Recent service times (body decode + queue + inference) per model variant, seconds: T_inf,e as a device sees it.</param>
/// <param name="Prune">Recent on-demand prune times per model, seconds.</param>
/// <param name="SessionOpen">Recent session opens per model variant (ORT session and one warm-up run), seconds: what the first inference of a newly pruned variant pays.</param>
/// <param name="Warmup">The start-up warm-up and its prune-rate calibration.</param>
public sealed record StatusView(int InFlight, int Queued, int MaxConcurrency, int QueueLimit, int IntraOpThreads, int ProcessorCount, bool Draining, LoadView BackgroundLoad, long Prunes, CacheView Cache, IReadOnlyList<RecentTimes> Inference, IReadOnlyList<RecentTimes> Service, IReadOnlyList<RecentTimes> Prune, IReadOnlyList<RecentTimes> SessionOpen, WarmupView Warmup);

/// <summary>The background load: L tasks on a model, and how many inferences they completed.</summary>
public sealed record LoadView(int Tasks, string? Model, long CompletedInferences);

/// <summary>Cache bytes, bound and evictions.</summary>
public sealed record CacheView(long Bytes, long LimitBytes, long Evictions);

/// <summary>Recent durations of one model variant (or one model's prunes), seconds.</summary>
public sealed record RecentTimes(string Model, string? Variant, long Count, double MedianSeconds, double P90Seconds, double P99Seconds);
