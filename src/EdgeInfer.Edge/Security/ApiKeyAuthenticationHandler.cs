using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// ASP.NET Core authentication scheme <see cref="SchemeName"/>: the key comes in <c>Authorization: Bearer &lt;key&gt;</c> or in
/// <see cref="HeaderName"/>; its SHA-256 digest is compared with every configured key's in constant time (all keys,
/// no early exit). A match signs the request in as the key's name with its role; no key leaves it anonymous; a wrong key
/// fails (the authorization step answers 401). The presented key is never logged: failure messages name no key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The alternative header for the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401.</summary>
    public const string Challenge = "Bearer realm=\"edgeinfer\"";

    /// <summary>The failure message of a wrong key (what the 401 says).</summary>
    public const string InvalidKeyMessage = "The API key is not valid.";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request.Headers);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var digest = ApiKey.Digest(presented);
        ApiKey? match = null;
        foreach (var key in Options.Keys)
        {
            // Every key is compared, so the time does not tell which (or whether an early) key matched.
            if (key.Matches(digest))
            {
                match = key;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(InvalidKeyMessage));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, match.Role.ToString().ToLowerInvariant())], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Challenge;
        return Task.CompletedTask;
    }

    /// <summary>The key a request presents: <c>Authorization: Bearer</c> first, else <see cref="HeaderName"/>; null when none.</summary>
    internal static string? Presented(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = headers[HeaderName].ToString().Trim();
        return header.Length > 0 ? header : null;
    }
}
