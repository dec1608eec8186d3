using System.Text.Json.Serialization;
using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Runtime.Measurement;

/// <summary>
/// Summary of measured durations, all in seconds. Percentiles interpolate linearly between order statistics
/// (Hyndman–Fan type 7, NumPy's default): with the samples sorted as x[0..n-1], P(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]),
/// h = (n − 1)·p. The median is P(0.5). The spread is reported, not hidden.
/// </summary>
public sealed record LatencyStatistics
{
    /// <summary>Median duration, seconds.</summary>
    public required double MedianSeconds { get; init; }

    /// <summary>90th percentile, seconds.</summary>
    public required double P90Seconds { get; init; }

    /// <summary>99th percentile, seconds.</summary>
    public required double P99Seconds { get; init; }

    /// <summary>Shortest sample, seconds.</summary>
    public required double MinSeconds { get; init; }

    /// <summary>Longest sample, seconds.</summary>
    public required double MaxSeconds { get; init; }

    /// <summary>Arithmetic mean, seconds.</summary>
    public required double MeanSeconds { get; init; }

    /// <summary>Number of samples (warm-up excluded), ≥ 1.</summary>
    public required int Count { get; init; }

    /// <summary>The median as a quantity.</summary>
    [JsonIgnore]
    public Seconds Median => new(MedianSeconds);

    /// <summary>Summarises <paramref name="seconds"/> (at least one finite, non-negative sample; the span is not modified).</summary>
    public static LatencyStatistics From(ReadOnlySpan<double> seconds)
    {
        if (seconds.IsEmpty)
        {
            throw new ArgumentException("At least one sample is needed.", nameof(seconds));
        }

        var sorted = seconds.ToArray();
        foreach (var s in sorted)
        {
            if (!double.IsFinite(s) || s < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(seconds), s, "Samples must be finite, non-negative seconds.");
            }
        }

        Array.Sort(sorted);
        var sum = 0.0;
        foreach (var s in sorted)
        {
            sum += s;
        }

        return new LatencyStatistics
        {
            MedianSeconds = Percentile(sorted, 0.5),
            P90Seconds = Percentile(sorted, 0.9),
            P99Seconds = Percentile(sorted, 0.99),
            MinSeconds = sorted[0],
            MaxSeconds = sorted[^1],
            MeanSeconds = sum / sorted.Length,
            Count = sorted.Length,
        };
    }

    /// <summary>Type-7 percentile of already sorted samples; <paramref name="fraction"/> in [0, 1].</summary>
    internal static double Percentile(ReadOnlySpan<double> sorted, double fraction)
    {
        var h = (sorted.Length - 1) * fraction;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}
