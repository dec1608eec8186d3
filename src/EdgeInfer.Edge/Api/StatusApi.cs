using EdgeInfer.Contracts;
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
        app.MapGet(
            "/v1/status",
            (AdmissionGate gate, EdgeMetrics metrics, VariantStore store, BackgroundLoadService load, EdgeWarmup warmup, EdgeServerOptions options) =>
                TypedResults.Ok(Status(gate, metrics, store, load, warmup, options)));
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapGet("/readyz", (AdmissionGate gate, EdgeWarmup warmup) => gate.Draining
            ? Results.Problem(statusCode: 503, title: "Not ready", detail: "The edge server is shutting down.")
            : !warmup.State.Done
                ? Results.Problem(statusCode: 503, title: "Not ready", detail: "The edge server is warming up (prune calibration, first calls).")
                : Results.Text("ready"));
        return app;
    }

    internal static StatusView Status(
        AdmissionGate gate, EdgeMetrics metrics, VariantStore store, BackgroundLoadService load, EdgeWarmup warmup, EdgeServerOptions options)
    {
        static List<RecentTimes> PerVariant(IReadOnlyDictionary<string, LatencyWindow> windows) =>
            windows.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            {
                var s = kv.Value.Summary()!;
                var slash = kv.Key.IndexOf('/', StringComparison.Ordinal);
                return new RecentTimes(kv.Key[..slash], kv.Key[(slash + 1)..], kv.Value.Count, s.MedianSeconds, s.P90Seconds, s.P99Seconds);
            }).ToList();
        var prune = metrics.PruneWindows.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
        {
            var s = kv.Value.Summary()!;
            var slash = kv.Key.IndexOf('/', StringComparison.Ordinal);
            var (model, variant) = slash < 0 ? (kv.Key, null) : (kv.Key[..slash], kv.Key[(slash + 1)..]);
            return new RecentTimes(model, variant, kv.Value.Count, s.MedianSeconds, s.P90Seconds, s.P99Seconds);
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
