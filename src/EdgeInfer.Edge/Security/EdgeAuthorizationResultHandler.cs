using EdgeInfer.Edge.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// Answers a refused request with a ProblemDetails that says why: 401 with <c>WWW-Authenticate</c> when a key is missing
/// or wrong, 403 when the key's role is not enough, or when no keys are configured and a non-loopback client asks for an
/// endpoint that only loopback may use without keys (no key could help there, so not 401).
/// </summary>
internal sealed class EdgeAuthorizationResultHandler(EdgeServerOptions options, IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    /// <inheritdoc/>
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        var access = policy.Requirements.OfType<EdgeAccessRequirement>().FirstOrDefault()?.Access ?? EdgeAccess.Client;
        // The scheme's result of this request (cached by the handler): a failure means a key was presented and is wrong.
        var failed = (await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName)).Failure is not null;
        int status;
        string detail;
        if (authorizeResult.Challenged && options.ApiKeys.Count > 0)
        {
            await context.ChallengeAsync(ApiKeyAuthenticationHandler.SchemeName);
            status = StatusCodes.Status401Unauthorized;
            detail = failed
                ? ApiKeyAuthenticationHandler.InvalidKeyMessage
                : $"This endpoint needs an API key{(access == EdgeAccess.Admin ? " with the admin role" : "")}: "
                    + $"send it as 'Authorization: Bearer <key>' or '{ApiKeyAuthenticationHandler.HeaderName}: <key>'.";
        }
        else
        {
            status = StatusCodes.Status403Forbidden;
            detail = options.ApiKeys.Count == 0
                ? "No API keys are configured, so this endpoint answers loopback clients only; configure keys (serve --api-keys FILE) to use it remotely."
                : "This endpoint needs an API key with the admin role.";
        }

        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = ReasonPhrases.GetReasonPhrase(status),
                Detail = detail,
                Instance = context.Request.Path,
            },
        });
    }
}
