using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>One independent simulation run: a point, a placement policy, an eviction policy and a replication.</summary>
/// <param name="Point">The sweep point.</param>
/// <param name="Policy">The placement policy's name.</param>
/// <param name="Eviction">The store's eviction policy.</param>
/// <param name="Replication">0-based; the run's seed is the base seed plus this (the same for every policy).</param>
internal sealed record SimulateRun(SimulatePoint Point, string Policy, EvictionKind Eviction, int Replication)
{
    /// <summary>The eviction policy's wire name.</summary>
    public string EvictionName => EvictionNames.Name(Eviction);

    /// <summary>The trace file's name: <c>trace-&lt;policy&gt;-&lt;eviction&gt;-&lt;point&gt;-&lt;replication&gt;.parquet</c>.</summary>
    public string TraceFileName => $"trace-{Policy}-{EvictionName}-{Point.Index}-{Replication}.parquet";
}
