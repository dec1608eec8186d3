using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>
/// The evaluated channel. <see cref="PathLoss"/> is the condition's path loss; for <see cref="ChannelCondition.Expected"/>
/// it is the LOS-probability-weighted mean in dB (informational: the rates are weighted, not derived from it).
/// </summary>
public sealed record ChannelReport(
    ChannelCondition Condition,
    Meters Distance2D,
    Meters Distance3D,
    Meters BreakpointDistance,
    double LosProbability,
    Decibels LosPathLoss,
    Decibels NlosPathLoss,
    Decibels PathLoss,
    LinkReport Uplink,
    LinkReport Downlink)
{
    /// <summary>The rates the planner uses.</summary>
    public LinkRates Rates => new(Uplink.Rate, Downlink.Rate);
}
