using EdgeInfer.Contracts;
using EdgeInfer.Edge.Admission;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeInfer.Edge.Hosting;

/// <summary>Reads a running server's status in process (what <c>GET /v1/status</c> returns).</summary>
public static class EdgeServerSummary
{
    /// <summary>The status of <paramref name="app"/>, built by <see cref="EdgeServer.Build"/>.</summary>
    public static StatusView Status(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var s = app.Services;
        return StatusApi.Status(
            s.GetRequiredService<AdmissionGate>(),
            s.GetRequiredService<EdgeMetrics>(),
            s.GetRequiredService<VariantStore>(),
            s.GetRequiredService<BackgroundLoadService>(),
            s.GetRequiredService<EdgeWarmup>(),
            s.GetRequiredService<EdgeServerOptions>());
    }
}
