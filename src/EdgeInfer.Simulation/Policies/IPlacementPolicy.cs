namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// Decides where a request runs and with which variant. Called for the first request of a device's model lifetime and
/// for every request of a device that offloads (a device that downloaded a variant runs the rest of its lifetime
/// locally). Must be deterministic and should not allocate: it runs once per request. Add your own by implementing this
/// and passing it to <see cref="Engine.CellSimulator"/>; the built-in ones are in <see cref="PlacementPolicies"/>.
/// </summary>
public interface IPlacementPolicy
{
    /// <summary>The name in outputs (e.g. <c>joint</c>).</summary>
    string Name { get; }

    /// <summary>The placement for the request described by <paramref name="context"/>.</summary>
    Placement Decide(in DecisionContext context);
}
