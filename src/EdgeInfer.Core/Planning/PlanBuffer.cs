using System.Runtime.CompilerServices;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// Reusable result storage for <see cref="OffloadPlanner.Plan(in PlanningInputs, Radio.LinkRates, ref PlanBuffer)"/>:
/// six outcomes, three break-even points and the choice, all inline (no heap allocation per plan).
/// </summary>
public struct PlanBuffer
{
    private OutcomeArray outcomes;
    private BreakEvenArray breakEvens;

    /// <summary>The best feasible strategy under the objective, or null when none is feasible.</summary>
    public Strategy? Chosen { get; internal set; }

    /// <summary>The outcome of <paramref name="strategy"/>.</summary>
    public readonly StrategyOutcome Outcome(Strategy strategy) => outcomes[(int)strategy];

    /// <summary>The break-even point of a device-* strategy against edge-full.</summary>
    public readonly BreakEven BreakEvenOf(Strategy deviceStrategy)
    {
        if (deviceStrategy.RunsAtEdge())
        {
            throw new ArgumentOutOfRangeException(nameof(deviceStrategy), deviceStrategy, "Break-even points exist for device-* strategies only.");
        }

        return breakEvens[(int)deviceStrategy - Strategies.DeviceCount];
    }

    internal void SetOutcome(in StrategyOutcome outcome) => outcomes[(int)outcome.Strategy] = outcome;

    internal void SetBreakEven(in BreakEven breakEven) => breakEvens[(int)breakEven.Strategy - Strategies.DeviceCount] = breakEven;

    [InlineArray(Strategies.Count)]
    private struct OutcomeArray
    {
        private StrategyOutcome element;
    }

    [InlineArray(Strategies.DeviceCount)]
    private struct BreakEvenArray
    {
        private BreakEven element;
    }
}
