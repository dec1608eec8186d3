namespace EdgeInfer.Simulation.Scenarios;

/// <summary>How the edge's jobs share its compute.</summary>
public enum EdgeDiscipline
{
    /// <summary>All jobs progress at once, each slowed by the load (what a server running concurrent inferences does).</summary>
    ProcessorSharing,

    /// <summary>c servers, first come first served, a FIFO queue (M/M/c when arrivals are Poisson and work exponential).</summary>
    Fcfs,
}
