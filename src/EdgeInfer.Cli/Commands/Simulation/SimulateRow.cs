using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>One row of the summary: a sweep point with one placement policy and one eviction policy, over its replications.</summary>
/// <param name="Point">The sweep point.</param>
/// <param name="Summary">Means and 95 % half-widths of the replications.</param>
internal sealed record SimulateRow(SimulatePoint Point, ReplicationSummary Summary)
{
    /// <summary>The placement policy.</summary>
    public string Policy => Summary.Policy;

    /// <summary>The eviction policy (wire name).</summary>
    public string Eviction => Summary.Eviction;

    /// <summary>The mean of metric <paramref name="name"/> (NaN when no replication defines it).</summary>
    public double Mean(string name) => Summary[name].Mean;

    /// <summary>
    /// The rows of <paramref name="runs"/>' <paramref name="results"/> (same order; replications of one configuration
    /// are consecutive): one per point, placement policy and eviction policy, in run order.
    /// </summary>
    public static IReadOnlyList<SimulateRow> Of(IReadOnlyList<SimulateRun> runs, IReadOnlyList<SimulationResult> results)
    {
        var rows = new List<SimulateRow>();
        for (var i = 0; i < runs.Count;)
        {
            var j = i + 1;
            while (j < runs.Count && runs[j].Replication != 0)
            {
                j++;
            }

            rows.Add(new SimulateRow(runs[i].Point, ReplicationSummary.Of([.. results.Skip(i).Take(j - i)])));
            i = j;
        }

        return rows;
    }
}
