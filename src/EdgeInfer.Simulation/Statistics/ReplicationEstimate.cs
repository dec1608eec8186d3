namespace EdgeInfer.Simulation.Statistics;

/// <summary>
/// The mean of a metric over independent replications and the half-width of its 95 % confidence interval (Student t
/// with n − 1 degrees of freedom): the interval is <see cref="Mean"/> ± <see cref="HalfWidth95"/>.
/// </summary>
/// <param name="Mean">Mean over the replications that define the metric; NaN when none does.</param>
/// <param name="HalfWidth95">t(0.975, n − 1) · s / √n with s the sample standard deviation; NaN when n &lt; 2.</param>
/// <param name="Count">n: replications that define the metric (a NaN value, e.g. no deadline, is left out).</param>
public readonly record struct ReplicationEstimate(double Mean, double HalfWidth95, int Count);
