using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Cli.Commands.Plan;

/// <summary>The <c>plan --json</c> object: inputs echoed, one option per strategy, the choice and the break-even points.</summary>
internal sealed record PlanOutput(
    string Model,
    long Requests,
    double EdgeLoad,
    string Objective,
    PlanOutput.Link Radio,
    IReadOnlyList<PlanOutput.Option> Options,
    string? Chosen,
    string Explanation,
    IReadOnlyList<PlanOutput.BreakEvenPoint> BreakEven)
{
    public static PlanOutput From(OffloadPlan plan, ChannelReport channel) => new(
        plan.Scenario.Model.Name,
        plan.Scenario.Workload.Requests,
        plan.Scenario.Edge.Load,
        plan.Scenario.Objective.ToString().ToLowerInvariant(),
        new Link(
            channel.Condition.ToString().ToLowerInvariant(),
            channel.Distance2D.Value,
            channel.PathLoss.Value,
            plan.Rates.Uplink.Value,
            plan.Rates.Downlink.Value),
        plan.Options.Select(o => new Option(
            o.Outcome.Strategy.Name(),
            o.Outcome.CycleDelay.Value,
            o.Outcome.LifetimeDelay.Value,
            o.Outcome.DeviceEnergy.Value,
            o.Outcome.EdgeEnergy.Value,
            o.Outcome.ExchangedData.Value,
            o.Outcome.Feasible,
            o.Reasons)).ToList(),
        plan.Chosen?.Name(),
        plan.Explanation,
        plan.BreakEvens.Select(b => new BreakEvenPoint(b.Strategy.Name(), b.Delay, b.Energy, b.Data)).ToList());

    /// <summary>The link the rates come from.</summary>
    internal sealed record Link(string Condition, double DistanceMeters, double PathLossDb, double UplinkBitsPerSecond, double DownlinkBitsPerSecond);

    /// <summary>One strategy over the model lifetime of Q requests.</summary>
    internal sealed record Option(
        string Strategy,
        double CycleDelaySeconds,
        double LifetimeDelaySeconds,
        double DeviceEnergyJoules,
        double EdgeEnergyJoules,
        long ExchangedBytes,
        bool Feasible,
        IReadOnlyList<string> Reasons);

    /// <summary>Smallest Q at which the device strategy beats edge-full (null: not within 10^6).</summary>
    internal sealed record BreakEvenPoint(string Strategy, long? Delay, long? Energy, long? Data);
}
