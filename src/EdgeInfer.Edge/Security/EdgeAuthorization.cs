using EdgeInfer.Edge.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// Authentication (the API-key scheme) and authorization (one policy per <see cref="EdgeAccess"/> level) of the edge,
/// applied centrally: <see cref="RequireEdgeAccess"/> gives every endpoint of a group the policy its route and methods
/// call for (<see cref="AccessOf"/>), so the endpoint files need not know about keys. Requests that match no endpoint
/// fall under the client policy.
/// </summary>
public static class EdgeAuthorization
{
    /// <summary>The policy name of each access level but <see cref="EdgeAccess.Open"/> (which is <see cref="AllowAnonymousAttribute"/>).</summary>
    public static string PolicyOf(EdgeAccess access) => "edge-" + access.ToString().ToLowerInvariant();

    /// <summary>
    /// The access an endpoint needs: health, readiness and the OpenAPI document are open; <c>/metrics</c> is metrics;
    /// every method that changes state other than inference (<c>DELETE</c>, <c>PUT</c>, <c>PATCH</c>) and anything under
    /// <c>/v1/admin</c> is admin; the rest (catalog, status, inference, downloads) is client.
    /// </summary>
    public static EdgeAccess AccessOf(string routePattern, IReadOnlyCollection<string> httpMethods)
    {
        ArgumentNullException.ThrowIfNull(routePattern);
        ArgumentNullException.ThrowIfNull(httpMethods);
        var path = "/" + routePattern.TrimStart('/');
        if (path is "/healthz" or "/readyz" || path.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return EdgeAccess.Open;
        }

        if (path == "/metrics")
        {
            return EdgeAccess.Metrics;
        }

        return path.StartsWith("/v1/admin", StringComparison.Ordinal) || httpMethods.Any(m => m is "DELETE" or "PUT" or "PATCH")
            ? EdgeAccess.Admin
            : EdgeAccess.Client;
    }

    /// <summary>The API-key scheme, the policies and the handlers that decide and answer them.</summary>
    internal static IServiceCollection AddEdgeAuthorization(this IServiceCollection services, EdgeServerOptions options, InternalCaller caller)
    {
        services.AddSingleton(caller);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, o => o.Keys = [.. options.ApiKeys, caller.Key]);
        services.AddAuthorization(o =>
        {
            foreach (var access in new[] { EdgeAccess.Client, EdgeAccess.Metrics, EdgeAccess.Admin })
            {
                o.AddPolicy(PolicyOf(access), p => p.AddRequirements(new EdgeAccessRequirement(access)));
            }

            o.FallbackPolicy = o.GetPolicy(PolicyOf(EdgeAccess.Client));
        });
        services.AddSingleton<IAuthorizationHandler, EdgeAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, EdgeAuthorizationResultHandler>();
        return services;
    }

    /// <summary>Gives every endpoint of <paramref name="group"/> the policy of its <see cref="AccessOf"/> (after its own conventions).</summary>
    public static TBuilder RequireEdgeAccess<TBuilder>(this TBuilder group)
        where TBuilder : IEndpointConventionBuilder
    {
        group.Finally(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route)
            {
                return;
            }

            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var access = AccessOf(route.RoutePattern.RawText ?? "/", methods);
            endpoint.Metadata.Add(access == EdgeAccess.Open ? new AllowAnonymousAttribute() : new AuthorizeAttribute(PolicyOf(access)));
        });
        return group;
    }
}
