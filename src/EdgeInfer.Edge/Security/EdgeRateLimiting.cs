using System.Globalization;
using System.Threading.RateLimiting;
using EdgeInfer.Edge.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// ASP.NET Core's rate limiter as the edge uses it: one token bucket per client (<see cref="ClientIdentity.Of"/>, so it runs
/// after authentication), health probes exempt, rejections answered 429 ProblemDetails with <c>Retry-After</c> and counted
/// in <see cref="EdgeMetrics.Rejected(string, int?)"/>.
/// </summary>
internal static class EdgeRateLimiting
{
    /// <summary>Registers the limiter for <paramref name="limit"/> (a no-op limiter when it is off).</summary>
    public static IServiceCollection AddEdgeRateLimiter(this IServiceCollection services, ClientRateLimit limit) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !limit.Enabled || context.Request.Path.Value is "/healthz" or "/readyz"
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientIdentity.Of(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limit.Burst,
                        TokensPerPeriod = limit.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            o.OnRejected = OnRejectedAsync;
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.RequestServices.GetRequiredService<EdgeMetrics>().Rejected(RejectionReasons.RateLimited, StatusCodes.Status429TooManyRequests);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"This client ({ClientIdentity.Of(context)}) is over its request rate; retry after {seconds} s.",
                Instance = context.Request.Path,
            },
        });
    }
}
