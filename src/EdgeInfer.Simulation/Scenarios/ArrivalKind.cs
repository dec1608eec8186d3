namespace EdgeInfer.Simulation.Scenarios;

/// <summary>Arrival process kinds.</summary>
public enum ArrivalKind
{
    /// <summary>Exponential inter-arrival times at a fixed rate.</summary>
    Poisson,

    /// <summary>Bursts: exponential on and off periods, Poisson arrivals while on (a two-state MMPP).</summary>
    OnOff,

    /// <summary>Arrival times given per device (a CSV file of seconds,device).</summary>
    Trace,
}
