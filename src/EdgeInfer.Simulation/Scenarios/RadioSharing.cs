namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// How a cell divides one direction of its radio among the n transfers active at once. Either way a device never gets
/// more than its own Shannon rate R_i (the rate it would have alone).
/// </summary>
public enum RadioSharing
{
    /// <summary>
    /// Equal time (resource-block) share: each transfer gets R_i/n. This is what proportional-fair scheduling converges to
    /// on a static channel (it maximises Σ log r_i subject to Σ r_i/R_i ≤ 1).
    /// </summary>
    ProportionalFair,

    /// <summary>
    /// Equal throughput (max-min fair): every transfer gets the same rate r = 1/Σ_j(1/R_j), so devices far from the base
    /// station slow everybody down.
    /// </summary>
    EqualRate,
}
