namespace EdgeInfer.Simulation.Scenarios;

/// <summary>How long one inference takes at the idle edge.</summary>
public enum ServiceTimes
{
    /// <summary>Exactly the variant's measured time (its median).</summary>
    Deterministic,

    /// <summary>Exponential with the variant's measured time as its mean.</summary>
    Exponential,

    /// <summary>
    /// Log-normal with the variant's measured time as its mean and the coefficient of variation
    /// <see cref="CellEdgeOptions.ServiceVariation"/> (a measured spread of service times: σ² = ln(1 + cv²)).
    /// </summary>
    LogNormal,
}
