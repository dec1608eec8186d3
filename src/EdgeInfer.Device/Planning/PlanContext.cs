using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Device.Planning;

/// <summary>The scenario the device planned with, the link rates, the plan, and where each input number came from.</summary>
public sealed record PlanContext(PlanningScenario Scenario, LinkRates Rates, OffloadPlan Plan, IReadOnlyList<string> Sources)
{
    /// <summary>The planner's outcome for <paramref name="strategy"/>.</summary>
    public StrategyOutcome Outcome(Strategy strategy) => Plan.Options[(int)strategy].Outcome;
}
