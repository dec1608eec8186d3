using EdgeInfer.Core.Planning;

namespace EdgeInfer.Study.Figures;

/// <summary>
/// One model's thresholds. Loads: the least L (0 … plotted maximum) from which the device is faster (cycle delay of the first
/// request): full versus full, pruned (pre-pruned) versus pruned, and fastest device strategy versus fastest edge strategy;
/// null when the device never is within the plotted loads. Q break-evens (planner, against edge-full): exchanged data,
/// and lifetime delay and device energy at load 0 and at the highest measured load; null when never within 10^6.
/// </summary>
public sealed record ModelThresholds
{
    /// <summary>Model name.</summary>
    public required string Model { get; init; }

    /// <summary>device-full faster than edge-full from this load.</summary>
    public LoadCrossing? FullLoad { get; init; }

    /// <summary>device-prepruned faster than edge-prepruned from this load.</summary>
    public LoadCrossing? PrunedLoad { get; init; }

    /// <summary>The fastest device strategy faster than the fastest edge strategy from this load.</summary>
    public LoadCrossing? BestLoad { get; init; }

    /// <summary>The highest measured load (the break-evens "at load" use it).</summary>
    public required int MaxMeasuredLoad { get; init; }

    /// <summary>Break-evens of device-full, device-prepruned, device-ondemand at load 0.</summary>
    public required IReadOnlyList<BreakEven> AtLoadZero { get; init; }

    /// <summary>Break-evens of device-full, device-prepruned, device-ondemand at the highest measured load.</summary>
    public required IReadOnlyList<BreakEven> AtMaxMeasuredLoad { get; init; }
}
