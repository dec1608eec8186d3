using System.Threading.RateLimiting;
using EdgeInfer.Edge.Api;

namespace EdgeInfer.Edge.Admission;

/// <summary>
/// Admission control for inference: at most <c>maxConcurrency</c> run, at most <c>queueLimit</c> wait (oldest first).
/// A request beyond both is refused at once with 429; one that waits longer than its timeout, or arrives while the
/// server drains, gets 503. Both carry <c>Retry-After</c>.
/// </summary>
public sealed class AdmissionGate : IDisposable
{
    private readonly ConcurrencyLimiter limiter;
    private volatile bool draining;

    public AdmissionGate(int maxConcurrency, int queueLimit)
    {
        MaxConcurrency = maxConcurrency;
        QueueLimit = queueLimit;
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrency,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Slots.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Waiting places.</summary>
    public int QueueLimit { get; }

    /// <summary>Requests waiting now.</summary>
    public int Queued => (int)(limiter.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>Inferences running now.</summary>
    public int InFlight => MaxConcurrency - (int)(limiter.GetStatistics()?.CurrentAvailablePermits ?? MaxConcurrency);

    /// <summary>True once shutdown began: new work is refused with 503.</summary>
    public bool Draining => draining;

    /// <summary>Refuses new work from now on (in-flight and queued work completes).</summary>
    public void StartDraining() => draining = true;

    /// <summary>Waits for a slot; the lease must be disposed when the inference is done.</summary>
    /// <param name="timeout">Longest wait; beyond it 503.</param>
    /// <param name="aborted">The client went away.</param>
    /// <exception cref="EdgeProblemException">429 (queue full), 503 (timeout or draining).</exception>
    public async ValueTask<RateLimitLease> EnterAsync(TimeSpan timeout, CancellationToken aborted)
    {
        if (draining)
        {
            throw new EdgeProblemException(503, "Shutting down", "The edge server is shutting down and takes no new inferences.", 5);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        wait.CancelAfter(timeout);
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            throw new EdgeProblemException(
                503, "Timed out in queue", $"No inference slot freed within the {timeout.TotalSeconds:0.###} s request timeout.", RetryAfter());
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new EdgeProblemException(429, "Too many requests",
                $"All {MaxConcurrency} inference slots are busy and all {QueueLimit} queue places are taken.", RetryAfter());
        }

        return lease;
    }

    /// <summary>A Retry-After hint in whole seconds (at least 1).</summary>
    private static int RetryAfter() => 1;

    public void Dispose() => limiter.Dispose();
}
