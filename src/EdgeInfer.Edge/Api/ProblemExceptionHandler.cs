using EdgeInfer.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EdgeInfer.Edge.Api;

/// <summary>
/// Turns every failure below an endpoint into an RFC 7807 ProblemDetails response: <see cref="EdgeProblemException"/>
/// keeps its status, rejected input (<see cref="EdgeInferInputException"/>) is 400, Kestrel's own rejections (an
/// oversized body: 413) keep theirs, and anything else is 500 without internals. The server keeps serving.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, retryAfter) = exception switch
        {
            EdgeProblemException p => (p.Status, p.Title, p.Message, p.RetryAfterSeconds),
            EdgeInferInputException e => (400, "Bad request", e.Message, null),
            BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (413, "Request body too large", b.Message, (int?)null),
            BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message, null),
            _ => (500, "Internal error", "The server failed to handle the request: " + exception.GetType().Name + ".", null),
        };
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.Clear();
        httpContext.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = httpContext.Request.Path },
        });
    }
}
