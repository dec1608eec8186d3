using MathNet.Numerics.Distributions;

namespace EdgeInfer.Simulation.Statistics;

/// <summary>
/// K independent replications (seeds) of one configuration (scenario point, placement policy, eviction policy)
/// reduced to the mean and 95 % confidence half-width of every <see cref="SummaryMetric"/>, plus the pooled delay
/// distribution. The half-width uses Student's t with K − 1 degrees of freedom (replications are i.i.d. run means);
/// with one replication it is NaN. Pure.
/// </summary>
public sealed record ReplicationSummary
{
    /// <summary>The placement policy.</summary>
    public required string Policy { get; init; }

    /// <summary>The eviction policy (wire name).</summary>
    public required string Eviction { get; init; }

    /// <summary>The seeds of the replications, in order.</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }

    /// <summary>One estimate per metric of <see cref="SummaryMetric.All"/>, in that order.</summary>
    public required IReadOnlyList<ReplicationEstimate> Metrics { get; init; }

    /// <summary>Delays of every replication in one histogram (for the CDF of the configuration).</summary>
    public required LogHistogram Delays { get; init; }

    /// <summary>Replications summarised.</summary>
    public int Replications => Seeds.Count;

    /// <summary>The estimate of the metric named <paramref name="name"/> (see <see cref="SummaryMetric.All"/>).</summary>
    /// <exception cref="ArgumentException">No metric has that name.</exception>
    public ReplicationEstimate this[string name] => Metrics[IndexOf(name)];

    /// <summary>Summarises <paramref name="replications"/>, which must share a policy and an eviction policy.</summary>
    /// <exception cref="ArgumentException">No replications, or replications of different configurations.</exception>
    public static ReplicationSummary Of(IReadOnlyList<SimulationResult> replications)
    {
        ArgumentNullException.ThrowIfNull(replications);
        if (replications.Count == 0)
        {
            throw new ArgumentException("A summary needs at least one replication.", nameof(replications));
        }

        var first = replications[0];
        if (replications.Any(r => r.Policy != first.Policy || r.Eviction != first.Eviction))
        {
            throw new ArgumentException("Replications of one summary must share the placement and the eviction policy.", nameof(replications));
        }

        var delays = new LogHistogram();
        foreach (var r in replications)
        {
            delays.Add(r.Delays);
        }

        return new ReplicationSummary
        {
            Policy = first.Policy,
            Eviction = first.Eviction,
            Seeds = [.. replications.Select(r => r.Seed)],
            Metrics = [.. SummaryMetric.All.Select(m => Estimate([.. replications.Select(m.Value)]))],
            Delays = delays,
        };
    }

    /// <summary>
    /// Mean and 95 % confidence half-width of <paramref name="values"/> (NaN values left out):
    /// t(0.975, n − 1) · s / √n, s the sample standard deviation (n − 1 in the denominator).
    /// </summary>
    public static ReplicationEstimate Estimate(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        var n = defined.Length;
        if (n == 0)
        {
            return new ReplicationEstimate(double.NaN, double.NaN, 0);
        }

        var mean = defined.Average();
        if (n == 1)
        {
            return new ReplicationEstimate(mean, double.NaN, 1);
        }

        var variance = defined.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        return new ReplicationEstimate(mean, t * Math.Sqrt(variance / n), n);
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < SummaryMetric.All.Count; i++)
        {
            if (SummaryMetric.All[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"No summary metric is named '{name}'.", nameof(name));
    }
}
