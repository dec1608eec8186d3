using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// Who a request comes from, for per-client budgets (rate limits, on-demand builds): the authenticated client's name
/// when there is one, else its remote address.
/// </summary>
public static class ClientIdentity
{
    /// <summary>The client's partition key: <c>key:&lt;name&gt;</c> for an authenticated client, else <c>ip:&lt;address&gt;</c>.</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? "key:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
