namespace EdgeInfer.Edge.Telemetry;

/// <summary>The <c>reason</c> tags of <see cref="EdgeMetrics.Rejected(string, int?)"/> used by the edge.</summary>
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

    /// <summary>A client over its per-client request rate: 429.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>A client over its budget of on-demand builds: 429.</summary>
    public const string BuildBudget = "build_budget";

    /// <summary>The on-demand build queue is full: 503.</summary>
    public const string BuildQueueFull = "build_queue_full";

    /// <summary>The store cannot take the variant (capacity or disk full): 507.</summary>
    public const string StoreFull = "store_full";

    /// <summary>A rejection recorded with its status only.</summary>
    public const string Unspecified = "unspecified";
}
