using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Core;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace EdgeInfer.Edge.Api;

/// <summary>
/// Turns every failure below an endpoint into an RFC 7807 ProblemDetails response: <see cref="EdgeProblemException"/>
/// keeps its status, rejected input (<see cref="EdgeInferInputException"/>) is 400, Kestrel's own rejections of a body
/// (<see cref="BadHttpRequestException"/>: 413 too large, 408 too slow, 400 malformed chunks) keep their status and are
/// titled by it, and anything else is 500 without internals. Every 5xx is logged at error level with its trace id (the
/// <c>traceId</c> the ProblemDetails carries) and the exception. An <see cref="IOException"/> from Kestrel's own body
/// parsing (a chunk size that overflows) is the client's: 400. The server keeps serving.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, retryAfter) = exception switch
        {
            EdgeProblemException p => (p.Status, p.Title, p.Message, p.RetryAfterSeconds),
            EdgeInferInputException e => (400, "Bad Request", e.Message, null),
            BadHttpRequestException b => (b.StatusCode, ReasonPhrases.GetReasonPhrase(b.StatusCode), b.Message, (int?)null),
            IOException io when ThrownByKestrel(io) => (400, ReasonPhrases.GetReasonPhrase(400), io.Message, null),
            _ => (500, "Internal error", "The server failed to handle the request: " + exception.GetType().Name + ".", null),
        };
        if (status >= 500)
        {
            // The same id the ProblemDetails carries as traceId (ProblemDetailsDefaults: Activity.Current, else TraceIdentifier).
            var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
            LogServerError(logger, status, httpContext.Request.Method, httpContext.Request.Path, traceId, exception);
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.Clear();
        httpContext.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = httpContext.Request.Path },
        });
    }

    /// <summary>
    /// An <see cref="IOException"/> raised by Kestrel's own request reading (a chunk size over 2^31 - 1 is one: "Bad chunk
    /// size data." around an <see cref="OverflowException"/>; a connection reset is another): the client's bytes, not a
    /// server fault.
    /// </summary>
    private static bool ThrownByKestrel(IOException exception) =>
        exception.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Status} for {Method} {Path} (trace id {TraceId})")]
    private static partial void LogServerError(ILogger logger, int status, string method, string path, string traceId, Exception exception);
}
