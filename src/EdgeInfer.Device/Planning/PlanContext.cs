using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Device.Planning;

/// <summary>
/// The scenario the device planned with, the link rates, the plan (with the measured protocol overheads), the same plan
/// with the paper's terms only (<paramref name="PaperPlan"/>), and where each input number came from.
/// </summary>
public sealed record PlanContext(PlanningScenario Scenario, LinkRates Rates, OffloadPlan Plan, OffloadPlan PaperPlan, IReadOnlyList<string> Sources)
{
    /// <summary>The planner's outcome for <paramref name="strategy"/>.</summary>
    public StrategyOutcome Outcome(Strategy strategy) => Plan.Options[(int)strategy].Outcome;

    /// <summary>The outcome for <paramref name="strategy"/> with the paper's terms only (no overheads).</summary>
    public StrategyOutcome PaperOutcome(Strategy strategy) => PaperPlan.Options[(int)strategy].Outcome;
}
