using System.Security.Cryptography.X509Certificates;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Contracts;
using EdgeInfer.Edge.Admission;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Edge.Security;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Transport;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Models.Repository;
using EdgeInfer.Runtime.Execution;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Builds the edge server: Kestrel with the body limit, connection limits and TLS, the services (repository, cache,
/// pruner, admission, sessions, metrics, background load), ProblemDetails for every failure, API-key authentication,
/// per-client rate limits, and the endpoint groups, each given its access policy here (<see cref="EdgeAuthorization"/>)
/// and described at <c>/openapi/v1.json</c>. The host is the usual <c>Build</c>, <c>RunAsync</c>; <c>edgeinfer serve</c>
/// is a few lines around it.
/// </summary>
public static class EdgeServer
{
    /// <summary>Sub-folder of the repository that holds the on-demand cache (not a valid model name, so never listed as one).</summary>
    public const string CacheFolder = ".edge-cache";

    /// <summary>Socket receive block: 64 kB, so a tensor body takes ~10 socket reads instead of ~147 (see <see cref="LargeBlockMemoryPool"/>).</summary>
    public const int TransportBlockBytes = 64 * 1024;

    /// <summary>Kestrel's log category for connection events (a warning per connection refused over the cap).</summary>
    private const string ConnectionLogCategory = "Microsoft.AspNetCore.Server.Kestrel.Connections";

    /// <summary>Builds (does not start) the server.</summary>
    /// <param name="options">Validated here.</param>
    /// <param name="pruner">Pruner and encoder; default the real one (<see cref="FilePruner"/> with <paramref name="calibration"/>).</param>
    /// <param name="minimumLogLevel">Logs go to stderr at this level and above. Default warning.</param>
    /// <param name="calibration">
    /// Calibration images for on-demand <c>channel-ls</c> and <c>int8</c> builds (the host reads the dataset; the edge never
    /// does); null: such variants are served only when pre-made in the repository.
    /// </param>
    public static WebApplication Build(
        EdgeServerOptions options, IModelPruner? pruner = null, LogLevel minimumLogLevel = LogLevel.Warning, CalibrationProvider? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var repository = ModelRepository.Open(options.Repository);

        var certificate = options.Tls?.Load();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        ConfigureHost(builder, options, minimumLogLevel, certificate);
        var (gate, metrics, sessions) = AddServices(builder.Services, options, repository, pruner ?? new FilePruner(calibration));
        builder.Services.AddEdgeAuthorization(options, new InternalCaller(certificate));
        builder.Services.AddEdgeRateLimiter(options.RateLimit);
        builder.Services.AddEdgeOpenApi();
        builder.Services.AddOutputCache();

        var app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(gate.StartDraining);
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            sessions.Dispose();
            gate.Dispose();
            metrics.Dispose();
            certificate?.Dispose();
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Who is asking first (the rate limit partitions by key name), then their budget, then whether they may.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache(); // only the OpenAPI document has a cache policy
        var api = app.MapGroup("");
        api.MapModelsApi();
        api.MapInferenceApi();
        api.MapDownloadApi();
        api.MapStatusApi();
        api.MapPrometheusScrapingEndpoint("/metrics");
        api.MapOpenApi().CacheOutput(new OpenApiCachePolicy());
        api.RequireEdgeAccess();
        return app;
    }

    /// <summary>Logging to stderr, the URLs, Kestrel's limits (body, connections, timeouts, data rates), TLS and the shutdown timeout.</summary>
    private static void ConfigureHost(WebApplicationBuilder builder, EdgeServerOptions options, LogLevel minimumLogLevel, X509Certificate2? certificate)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(minimumLogLevel);
        // Not a line per connection refused over the cap (a flood would flood stderr); /metrics counts them
        // (kestrel.rejected_connections).
        builder.Logging.AddFilter(ConnectionLogCategory, level => level >= LogLevel.Error);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves https out
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBody.Value;
            options.Connections.ApplyTo(k.Limits);
            k.AddServerHeader = false;
            if (certificate is not null)
            {
                k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate);
            }
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeout.Value));
    }

    /// <summary>
    /// The server's services: admission, metrics, the variant store over the repository and its on-demand cache, the
    /// session pool, inference, background load, warm-up, ProblemDetails, the contract's JSON settings and OpenTelemetry.
    /// </summary>
    /// <returns>What the host disposes when it stops.</returns>
    private static (AdmissionGate Gate, EdgeMetrics Metrics, SessionPool Sessions) AddServices(
        IServiceCollection services, EdgeServerOptions options, ModelRepository repository, IModelPruner pruner)
    {
        var gate = new AdmissionGate(options.MaxConcurrency, options.QueueLimit);
        var metrics = new EdgeMetrics(() => gate.Queued, () => gate.InFlight);
        var cache = new VariantCache(Path.Combine(repository.Root, CacheFolder), options.CacheLimit.Value, metrics);
        var http = new HttpContextAccessor();
        services.AddSingleton<IHttpContextAccessor>(http); // per-client build budgets and leases until the response ends
        var store = new VariantStore(repository, cache, pruner, metrics, new OnDemandBuilds(options.Resources.Builds, http));
        var sessions = new SessionPool(new RuntimeOptions { Role = RuntimeRole.Edge, IntraOpThreads = options.EffectiveIntraOpThreads, WarmupRuns = 1 });
        cache.FileRemoved += sessions.Drop; // a removed variant is pruned again on its next request and opened anew
        // Registered before Kestrel's default (which is added with TryAdd), so the socket transport reads into 64 kB blocks.
        services.AddSingleton<IMemoryPoolFactory<byte>>(new LargeBlockMemoryPoolFactory(TransportBlockBytes));
        services.AddSingleton(options);
        services.AddSingleton(gate);
        services.AddSingleton(metrics);
        services.AddSingleton(store);
        services.AddSingleton(sessions);
        services.AddSingleton(new InferenceService(store, gate, sessions, metrics, TimeSpan.FromSeconds(options.RequestTimeout.Value)));
        services.AddSingleton<BackgroundLoadService>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundLoadService>());
        services.AddSingleton(pruner);
        services.AddSingleton<EdgeWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<EdgeWarmup>());
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(j => EdgeJson.Apply(j.SerializerOptions));
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(EdgeMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return (gate, metrics, sessions);
    }
}
