using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace EdgeInfer.Edge.Api;

/// <summary>
/// Output caching for the OpenAPI document: it is built once (tens of ms of CPU) and then served from memory for
/// <see cref="Lifetime"/>, with or without a key, so that an anonymous client asking for it in a loop cannot turn its
/// request budget into CPU time. (ASP.NET Core's default policy would skip requests that carry <c>Authorization</c>.)
/// </summary>
internal sealed class OpenApiCachePolicy : IOutputCachePolicy
{
    /// <summary>How long one built document is served.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = HttpMethods.IsGet(context.HttpContext.Request.Method);
        context.AllowCacheStorage = context.AllowCacheLookup;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.AllowCacheStorage &= context.HttpContext.Response.StatusCode == StatusCodes.Status200OK;
        return ValueTask.CompletedTask;
    }
}
