namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// A static load threshold: offload (full model if accurate enough, else the lightest accurate variant) while the edge
/// has fewer than <c>jobs</c> jobs, else download the lightest accurate variant. Ignores radio, store and battery.
/// </summary>
public sealed class ThresholdPolicy(int jobs) : IPlacementPolicy
{
    /// <inheritdoc />
    public string Name => "threshold";

    /// <inheritdoc />
    public Placement Decide(in DecisionContext context)
    {
        var light = context.LightestAccurateVariant();
        return context.EdgeJobs < jobs
            ? new Placement(PlacementSite.Edge, context.MeetsAccuracy(0) ? 0 : light)
            : new Placement(PlacementSite.Device, light);
    }
}
