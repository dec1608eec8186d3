namespace EdgeInfer.Contracts;

/// <summary>
/// Recent durations of one model variant, seconds. For prunes: one model's data-free prunes (<see cref="Variant"/> null), or
/// one variant's builds that need calibration images (<c>channel-ls</c>, <c>int8</c>: <see cref="Variant"/> is its name).
/// </summary>
public sealed record RecentTimes(string Model, string? Variant, long Count, double MedianSeconds, double P90Seconds, double P99Seconds);
