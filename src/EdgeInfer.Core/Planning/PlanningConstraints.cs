using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>Constraints a strategy must meet to be feasible; null means unconstrained. The battery lives in <see cref="DeviceProfile"/>.</summary>
public sealed record PlanningConstraints
{
    /// <summary>Least top-1 accuracy in [0, 1].</summary>
    public double? MinTop1 { get; init; }

    /// <summary>Least top-5 accuracy in [0, 1].</summary>
    public double? MinTop5 { get; init; }

    /// <summary>Largest acceptable cycle delay (first request, Eqs. 2 and 5).</summary>
    public Seconds? MaxCycleDelay { get; init; }
}
