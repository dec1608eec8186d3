using Microsoft.AspNetCore.Authentication;

namespace EdgeInfer.Edge.Security;

/// <summary>Options of the API-key authentication scheme (<see cref="ApiKeyAuthenticationHandler"/>): the keys it accepts.</summary>
internal sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The accepted keys; empty: every request is anonymous.</summary>
    public IReadOnlyList<ApiKey> Keys { get; set; } = [];
}
