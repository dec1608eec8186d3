using System.Threading.RateLimiting;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Telemetry;

namespace EdgeInfer.Edge.Admission;

/// <summary>
/// Admission control for inference: at most <c>maxConcurrency</c> run, at most <c>queueLimit</c> wait (oldest first).
/// A request beyond both is refused at once with 429; one that waits longer than its timeout, or arrives while the
/// server drains, gets 503. Each carries <c>Retry-After</c>: the time the work ahead of a new request needs, estimated
/// from the queue and the recent mean slot time (<see cref="RetryAfterSeconds"/>), and a
/// <see cref="EdgeProblemException.RejectionReason"/> for the rejection metric.
/// </summary>
public sealed class AdmissionGate : IDisposable
{
    /// <summary>Longest Retry-After the gate suggests, seconds.</summary>
    public const int MaxRetryAfterSeconds = 60;

    private readonly ConcurrencyLimiter limiter;
    private readonly SlotTimes slotTimes = new();
    private volatile bool draining;

    /// <summary>Creates the gate: <paramref name="maxConcurrency"/> running at once, <paramref name="queueLimit"/> waiting.</summary>
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

    /// <summary>True when a request arriving now would be refused with 429 (every slot busy, every queue place taken).</summary>
    public bool Full => InFlight >= MaxConcurrency && Queued >= QueueLimit;

    /// <summary>True once shutdown began: new work is refused with 503.</summary>
    public bool Draining => draining;

    /// <summary>Mean time a slot was held recently (seconds; 0 before the first release).</summary>
    public double MeanSlotSeconds => slotTimes.Mean;

    /// <summary>
    /// The Retry-After a request refused now is told, in whole seconds: the work queued ahead of it plus its own,
    /// <c>(queued + 1) × mean slot time / slots</c>, rounded up, in [1, <see cref="MaxRetryAfterSeconds"/>].
    /// </summary>
    public int RetryAfterSeconds =>
        (int)Math.Clamp(Math.Ceiling((Queued + 1) * slotTimes.Mean / MaxConcurrency), 1, MaxRetryAfterSeconds);

    /// <summary>Refuses new work from now on (in-flight and queued work completes).</summary>
    public void StartDraining() => draining = true;

    /// <summary>The 429 a request gets when <see cref="Full"/>; thrown by <see cref="EnterAsync"/> and by callers that check first.</summary>
    public EdgeProblemException QueueFullProblem() =>
        new(429, "Too many requests", $"All {MaxConcurrency} inference slots are busy and all {QueueLimit} queue places are taken.", RetryAfterSeconds)
        {
            RejectionReason = RejectionReasons.QueueFull,
        };

    /// <summary>Waits for a slot; the lease must be disposed when the inference is done (its hold time feeds Retry-After).</summary>
    /// <param name="timeout">Longest wait; beyond it 503.</param>
    /// <param name="aborted">The client went away.</param>
    /// <exception cref="EdgeProblemException">429 (queue full), 503 (timeout or draining).</exception>
    public async ValueTask<RateLimitLease> EnterAsync(TimeSpan timeout, CancellationToken aborted)
    {
        if (draining)
        {
            throw new EdgeProblemException(503, "Shutting down", "The edge server is shutting down and takes no new inferences.", 5)
            {
                RejectionReason = RejectionReasons.Draining,
            };
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
                503, "Timed out in queue", $"No inference slot freed within the {timeout.TotalSeconds:0.###} s request timeout.", RetryAfterSeconds)
            {
                RejectionReason = RejectionReasons.QueueTimeout,
            };
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw QueueFullProblem();
        }

        return new TimedLease(lease, slotTimes);
    }

    /// <inheritdoc/>
    public void Dispose() => limiter.Dispose();
}
