namespace EdgeInfer.Simulation.Statistics;

/// <summary>
/// Delays in log-spaced buckets from 1 µs to 10^6 s, each 0.1 % wide, so quantiles are within 0.05 % of the exact
/// order statistic (the bucket's geometric middle is returned) in constant memory whatever the number of requests.
/// Values below the range land in the first bucket, above it in the last. No allocation per value.
/// </summary>
public sealed class LogHistogram
{
    private const double Min = 1e-6;
    private const double Ratio = 1.001;
    private static readonly double LogRatio = Math.Log(Ratio);
    private static readonly int Buckets = (int)Math.Ceiling(Math.Log(1e6 / Min) / LogRatio) + 1;
    private readonly long[] counts = new long[Buckets];

    /// <summary>Values recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records one value in seconds (≥ 0).</summary>
    public void Record(double seconds)
    {
        var index = seconds <= Min ? 0 : (int)(Math.Log(seconds / Min) / LogRatio) + 1;
        counts[Math.Min(index, Buckets - 1)]++;
        Count++;
    }

    /// <summary>Adds every value of <paramref name="other"/>.</summary>
    public void Add(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Buckets; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The q-quantile (0 &lt; q ≤ 1) in seconds: the smallest bucket whose cumulative count reaches q·n; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var target = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += counts[i];
            if (seen >= target)
            {
                return Middle(i);
            }
        }

        return Middle(Buckets - 1);
    }

    /// <summary>The empirical CDF at about <paramref name="points"/> delays (every non-empty bucket when fewer): (seconds, fraction ≤).</summary>
    public IReadOnlyList<(double Seconds, double Fraction)> Cdf(int points = 400)
    {
        var result = new List<(double, double)>();
        if (Count == 0)
        {
            return result;
        }

        var step = Math.Max(1, Count / points);
        long seen = 0, next = step;
        for (var i = 0; i < Buckets; i++)
        {
            if (counts[i] == 0)
            {
                continue;
            }

            seen += counts[i];
            if (seen >= next || seen == Count)
            {
                result.Add((Middle(i), (double)seen / Count));
                next = seen + step;
            }
        }

        return result;
    }

    private static double Middle(int bucket) => bucket == 0 ? Min : Min * Math.Pow(Ratio, bucket - 0.5);
}
