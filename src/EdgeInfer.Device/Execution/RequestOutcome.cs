namespace EdgeInfer.Device.Execution;

/// <summary>
/// What became of one of a strategy's Q requests: who answered it, and what the link did to it on the way. A run lists
/// exactly one per request, numbered 1..Q, whatever retries and fallbacks it took.
/// </summary>
/// <param name="Id">Request number, 1..Q.</param>
/// <param name="ServedBy"><c>edge</c>; <c>device</c> (local inference: a device strategy, or a fallback); <c>none</c> (it failed).</param>
/// <param name="Fallback">True when the edge failed after the retries and the device answered locally.</param>
/// <param name="Retries">HTTP retries the request took.</param>
/// <param name="Drops">Injected connection drops it met.</param>
/// <param name="Stalls">Injected stalls it met.</param>
/// <param name="StallSeconds">Time those stalls paused it.</param>
/// <param name="Top1">Class index of its result, or null without one.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record RequestOutcome(
    int Id, string ServedBy, bool Fallback, long Retries, long Drops, long Stalls, double StallSeconds, int? Top1, string? Error);
