using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>The costs of one strategy over the model lifetime of Q requests, and the constraints it violates.</summary>
public readonly record struct StrategyOutcome(
    Strategy Strategy,
    Seconds CycleDelay,
    Seconds LifetimeDelay,
    Joules DeviceEnergy,
    Joules EdgeEnergy,
    Bytes ExchangedData,
    ConstraintViolations Violations)
{
    /// <summary>True when no constraint is violated.</summary>
    public bool Feasible => Violations == ConstraintViolations.None;
}
