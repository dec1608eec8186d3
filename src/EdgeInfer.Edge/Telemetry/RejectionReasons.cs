namespace EdgeInfer.Edge.Telemetry;

/// <summary>The <c>reason</c> tags of <see cref="EdgeMetrics.Rejected(string, int?)"/> used by the inference path.</summary>
public static class RejectionReasons
{
    /// <summary>All slots busy and all queue places taken: 429.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>Waited in the queue longer than the request timeout: 503.</summary>
    public const string QueueTimeout = "queue_timeout";

    /// <summary>The server is shutting down: 503.</summary>
    public const string Draining = "draining";

    /// <summary>An image whose header claims more pixels than the limit: 413.</summary>
    public const string ImageTooLarge = "image_too_large";

    /// <summary>A rejection recorded with its status only.</summary>
    public const string Unspecified = "unspecified";
}
