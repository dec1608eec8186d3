using EdgeInfer.Core;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Policies;

/// <summary>The built-in placement policies by name.</summary>
public static class PlacementPolicies
{
    /// <summary>Every built-in name, in report order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["always-edge", "always-edge-pruned", "always-device", "always-device-pruned", "threshold", "paper", "joint"];

    /// <summary>A fresh policy (policies may cache per run) for <paramref name="name"/>.</summary>
    /// <exception cref="EdgeInferInputException">An unknown name; the message lists the known ones.</exception>
    public static IPlacementPolicy Create(string name, CellScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return name switch
        {
            "always-edge" => new FixedPolicy(name, PlacementSite.Edge, pruned: false),
            "always-edge-pruned" => new FixedPolicy(name, PlacementSite.Edge, pruned: true),
            "always-device" => new FixedPolicy(name, PlacementSite.Device, pruned: false),
            "always-device-pruned" => new FixedPolicy(name, PlacementSite.Device, pruned: true),
            "threshold" => new ThresholdPolicy(scenario.ThresholdJobs),
            "paper" => new PaperRulePolicy(),
            "joint" => new JointPolicy(),
            _ => throw new EdgeInferInputException($"Unknown placement policy '{name}'; known: {string.Join(", ", Names)}."),
        };
    }
}
