namespace EdgeInfer.Device.Loadgen;

/// <summary>How a load test's requests arrive (<c>loadgen --arrivals</c>).</summary>
public enum LoadgenArrivals
{
    /// <summary>C closed-loop clients, each sending its next request when the last is answered (the default).</summary>
    Closed,

    /// <summary>
    /// Open loop: K devices, each sending at exponential inter-arrival times of mean 1/R whether or not its earlier requests
    /// were answered, so the total is a Poisson process of rate K·R (<see cref="ArrivalSchedule.Poisson"/>).
    /// </summary>
    Poisson,
}
