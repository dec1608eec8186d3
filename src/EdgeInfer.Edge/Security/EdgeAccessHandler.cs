using System.Net;
using EdgeInfer.Edge.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// Decides <see cref="EdgeAccessRequirement"/>: an admin key passes everything; a device key passes client and metrics
/// endpoints; without a key, client endpoints pass when anonymous access is on, and metrics and admin endpoints pass only
/// from a loopback address and only when no key is configured at all.
/// </summary>
internal sealed class EdgeAccessHandler(EdgeServerOptions options) : AuthorizationHandler<EdgeAccessRequirement>
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EdgeAccessRequirement requirement)
    {
        if (Allowed(requirement.Access, context.User.Identity?.IsAuthenticated == true, context.User.IsInRole("admin"),
            (context.Resource as HttpContext)?.Connection.RemoteIpAddress))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>The rule, for a caller with or without a key (and its role) at <paramref name="remote"/>.</summary>
    internal bool Allowed(EdgeAccess access, bool authenticated, bool admin, IPAddress? remote)
    {
        var noKeys = options.ApiKeys.Count == 0;
        var localWithoutKeys = noKeys && IsLoopback(remote);
        return access switch
        {
            EdgeAccess.Open => true,
            EdgeAccess.Client => authenticated || noKeys || options.AllowAnonymous,
            EdgeAccess.Metrics => authenticated || localWithoutKeys,
            EdgeAccess.Admin => admin || localWithoutKeys,
            _ => false,
        };
    }

    /// <summary>Whether a remote address is this host (IPv4-mapped IPv6 included).</summary>
    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
