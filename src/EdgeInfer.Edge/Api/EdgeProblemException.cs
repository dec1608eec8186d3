namespace EdgeInfer.Edge.Api;

/// <summary>
/// A request the server rejects, with the HTTP status and the words of its RFC 7807 ProblemDetails. Thrown anywhere
/// below an endpoint; <see cref="ProblemExceptionHandler"/> turns it into the response.
/// </summary>
public sealed class EdgeProblemException : Exception
{
    /// <summary>A 500: the server failed.</summary>
    public EdgeProblemException()
        : this(500, "Internal error", "The server failed.")
    {
    }

    /// <summary>A 400 (bad request) with the given detail.</summary>
    public EdgeProblemException(string message)
        : this(400, "Bad Request", message)
    {
    }

    /// <summary>A 400 (bad request) with the given detail and the exception that caused it.</summary>
    public EdgeProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Title = "Bad Request";
    }

    /// <summary>Creates the problem.</summary>
    /// <param name="status">HTTP status (4xx or 5xx).</param>
    /// <param name="title">Short, fixed summary of the problem type.</param>
    /// <param name="detail">What exactly was wrong, naming the bad value.</param>
    /// <param name="retryAfter">For 429/503: seconds after which a retry may succeed (the <c>Retry-After</c> header).</param>
    public EdgeProblemException(int status, string title, string detail, int? retryAfter = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        RetryAfterSeconds = retryAfter;
    }

    /// <summary>HTTP status.</summary>
    public int Status { get; }

    /// <summary>ProblemDetails title.</summary>
    public string Title { get; }

    /// <summary>Retry-After seconds, or null.</summary>
    public int? RetryAfterSeconds { get; }

    /// <summary>
    /// For a request turned away to protect the server (admission, limits): the reason tag counted by
    /// <see cref="Telemetry.EdgeMetrics.Rejected(string, int?)"/> (<see cref="Telemetry.RejectionReasons"/>); null otherwise.
    /// </summary>
    public string? RejectionReason { get; init; }

    /// <summary>404 for a model (or variant) the repository does not have.</summary>
    public static EdgeProblemException NotFound(string detail) => new(404, "Model not found", detail);

    /// <summary>400 for a bad parameter or body.</summary>
    public static EdgeProblemException BadRequest(string detail) => new(400, "Bad Request", detail);
}
