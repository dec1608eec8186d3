using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Edge.Telemetry;

/// <summary>The last <see cref="Capacity"/> durations of one kind (thread-safe ring), summarised on demand.</summary>
public sealed class LatencyWindow
{
    /// <summary>Samples kept.</summary>
    public const int Capacity = 256;

    private readonly double[] samples = new double[Capacity];
    private readonly Lock gate = new();
    private long count;

    /// <summary>Samples recorded since start.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>Records one duration in seconds.</summary>
    public void Add(double seconds)
    {
        lock (gate)
        {
            samples[count % Capacity] = seconds;
            count++;
        }
    }

    /// <summary>Median, p90, p99 … of the recent samples, or null before the first.</summary>
    public LatencyStatistics? Summary()
    {
        double[] copy;
        lock (gate)
        {
            copy = samples.AsSpan(0, (int)Math.Min(count, Capacity)).ToArray();
        }

        return copy.Length == 0 ? null : LatencyStatistics.From(copy);
    }
}
