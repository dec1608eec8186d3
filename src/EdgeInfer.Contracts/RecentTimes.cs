namespace EdgeInfer.Contracts;

/// <summary>Recent durations of one model variant (or one model's prunes, <see cref="Variant"/> null), seconds.</summary>
public sealed record RecentTimes(string Model, string? Variant, long Count, double MedianSeconds, double P90Seconds, double P99Seconds);
