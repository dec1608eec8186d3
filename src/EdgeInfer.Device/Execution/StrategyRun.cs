namespace EdgeInfer.Device.Execution;

/// <summary>What executing one strategy measured, next to what the planner predicted for the same inputs.</summary>
/// <param name="Strategy">Wire name, e.g. <c>device-ondemand</c>.</param>
/// <param name="Model">Model name.</param>
/// <param name="Variant">Variant used (<c>full</c>, <c>global-0.7</c>).</param>
/// <param name="Requests">Q.</param>
/// <param name="Completed">Requests that ended with a result (at the edge or by local fallback).</param>
/// <param name="Measured">Measured times, bytes and energy.</param>
/// <param name="Predicted">The planner's numbers for this strategy.</param>
/// <param name="RelativeError">(measured − predicted) / predicted for the cycle and lifetime delays.</param>
/// <param name="Retries">HTTP retries made, and model downloads resumed after a cut-off body.</param>
/// <param name="Fallbacks">Requests served by local inference after the edge failed.</param>
/// <param name="Errors">Requests that ended in an error, with the message (first 10).</param>
/// <param name="Notes">What to know when reading the numbers (origins, cache hits).</param>
/// <param name="FirstTop5">Class indices of the first result.</param>
public sealed record StrategyRun(
    string Strategy,
    string Model,
    string Variant,
    int Requests,
    int Completed,
    MeasuredCosts Measured,
    PredictedCosts Predicted,
    RelativeErrors RelativeError,
    long Retries,
    int Fallbacks,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Notes,
    IReadOnlyList<int> FirstTop5)
{
    /// <summary>Connection drops the link injected during this run (<see cref="Shaping.LinkFaults"/>).</summary>
    public long Drops { get; init; }

    /// <summary>Stalls the link injected during this run.</summary>
    public long Stalls { get; init; }

    /// <summary>One outcome per request, in order (ids 1..Q).</summary>
    public IReadOnlyList<RequestOutcome> RequestLog { get; init; } = [];
}

/// <summary>Measured costs. Delays in seconds, bytes are HTTP bodies counted on the device, energy in joules (Eqs. (3)/(6) with measured times).</summary>
/// <param name="CycleDelaySeconds">
/// First request: edge: send to result; device: model request to the first local result (download, decode, session open,
/// first inference).
/// </param>
/// <param name="LifetimeDelaySeconds">All Q requests, one after the other.</param>
/// <param name="RequestMedianSeconds">Median per-request delay (edge: round trip; device: local inference).</param>
/// <param name="RequestP90Seconds">90th percentile of the same.</param>
/// <param name="BytesUp">Bytes sent.</param>
/// <param name="BytesDown">Bytes received.</param>
/// <param name="UploadSeconds">Measured T_in sum (edge) or T_req (device).</param>
/// <param name="DownloadSeconds">Measured T_res sum (edge) or T_model (device).</param>
/// <param name="PruneSeconds">T_pr the edge reported (Server-Timing) in this run.</param>
/// <param name="DecodeSeconds">Wire decode on the device.</param>
/// <param name="SessionOpenSeconds">ORT session open and one warm-up run on the device.</param>
/// <param name="DeviceEnergyJoules">Eq. (3) summed over requests, or Eq. (6), with the measured times.</param>
public sealed record MeasuredCosts(
    double CycleDelaySeconds,
    double LifetimeDelaySeconds,
    double RequestMedianSeconds,
    double RequestP90Seconds,
    long BytesUp,
    long BytesDown,
    double UploadSeconds,
    double DownloadSeconds,
    double PruneSeconds,
    double DecodeSeconds,
    double SessionOpenSeconds,
    double DeviceEnergyJoules)
{
    /// <summary>Bytes up + down.</summary>
    public long ExchangedBytes => BytesUp + BytesDown;
}

/// <summary>The planner's numbers for the strategy (with the measured protocol overheads when they were measured).</summary>
/// <param name="CycleDelaySeconds">First request's delay.</param>
/// <param name="LifetimeDelaySeconds">All Q requests.</param>
/// <param name="DeviceEnergyJoules">Eqs. (3)/(6).</param>
/// <param name="ExchangedBytes">Bytes up and down.</param>
/// <param name="PaperCycleDelaySeconds">The cycle delay with the paper's terms only (no overheads).</param>
/// <param name="PaperLifetimeDelaySeconds">The lifetime delay with the paper's terms only.</param>
public sealed record PredictedCosts(
    double CycleDelaySeconds,
    double LifetimeDelaySeconds,
    double DeviceEnergyJoules,
    long ExchangedBytes,
    double PaperCycleDelaySeconds,
    double PaperLifetimeDelaySeconds);

/// <summary>(measured − predicted) / predicted.</summary>
public sealed record RelativeErrors(double CycleDelay, double LifetimeDelay);
