namespace EdgeInfer.Simulation.Engine;

/// <summary>What <see cref="Policies.DecisionContext"/> reads: read-only views of the run's state.</summary>
internal sealed partial class SimulationRun
{
    internal CompiledScenario Compiled => c;

    internal double Now => now;

    internal int ClassOf(int d) => deviceClass[d];

    internal int ModelOf(int d) => deviceModel[d];

    internal int CellOf(int d) => deviceCell[d];

    internal long LifetimeLeft(int d) => lifetimeLeft[d];

    internal double BatteryLeft(int d) => batteryLeft[d];

    internal double UplinkRate(int d) => uplinkRate[d];

    internal double DownlinkRate(int d) => downlinkRate[d];

    internal int EdgeJobs(int cell) => servers[(cell * 3) + EdgeServer].Count;

    internal double EdgeMeanJobs(int cell) => servers[(cell * 3) + EdgeServer].MeanJobs(now);

    internal int UplinkTransfers(int cell) => servers[(cell * 3) + UplinkServer].Count;

    internal int DownlinkTransfers(int cell) => servers[(cell * 3) + DownlinkServer].Count;

    internal ModelStore Store(int cell) => stores[cell];

    internal long ModelRequests(int cell, int model) => modelRequests[(cell * c.ModelCount) + model];

    internal bool IsPruning(int cell, int variant) => pruning[(cell * c.VariantCount) + variant];

    internal double PruneElapsed(int cell, int variant) => now - pruneStarted[(cell * c.VariantCount) + variant];
}
