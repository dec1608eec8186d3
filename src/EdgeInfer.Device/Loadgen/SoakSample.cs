namespace EdgeInfer.Device.Loadgen;

/// <summary>One request of a soak.</summary>
/// <param name="Kind">What it sent.</param>
/// <param name="ArrivalSeconds">Its scheduled arrival, seconds since the start.</param>
/// <param name="DelaySeconds">From the scheduled arrival to the response read, seconds (includes the dispatch lag).</param>
/// <param name="DispatchLagSeconds">How late the client sent it after its scheduled arrival, seconds.</param>
/// <param name="Status">HTTP status (0: no answer).</param>
/// <param name="RetryAfter">Whether the answer carried a <c>Retry-After</c> header.</param>
public readonly record struct SoakSample(
    SoakRequestKind Kind, double ArrivalSeconds, double DelaySeconds, double DispatchLagSeconds, int Status, bool RetryAfter)
{
    /// <summary>From sending to the response read, seconds: the delay without the client's dispatch lag.</summary>
    public double ResponseSeconds => DelaySeconds - DispatchLagSeconds;

    /// <summary>True for 429 and 503: refused by admission control.</summary>
    public bool Rejected => Status is 429 or 503;
}

/// <summary>One sample of the server's state during a soak.</summary>
/// <param name="Seconds">When, seconds since the start.</param>
/// <param name="RssBytes">The server's resident set size, bytes, or null (no process id, or not readable).</param>
/// <param name="Queued">Requests waiting for an inference slot (<c>/v1/status</c>), or null (no answer).</param>
/// <param name="InFlight">Inferences running (<c>/v1/status</c>), or null.</param>
public readonly record struct SoakProbe(double Seconds, long? RssBytes, int? Queued, int? InFlight);
