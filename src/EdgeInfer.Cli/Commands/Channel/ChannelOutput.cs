using EdgeInfer.Core.Radio;

namespace EdgeInfer.Cli.Commands.Channel;

/// <summary>The <c>channel --json</c> object.</summary>
internal sealed record ChannelOutput(
    string Condition,
    double DistanceMeters,
    double Distance3DMeters,
    double BreakpointDistanceMeters,
    double LosProbability,
    double PathLossDb,
    double LosPathLossDb,
    double NlosPathLossDb,
    ChannelOutput.Link Uplink,
    ChannelOutput.Link Downlink)
{
    public static ChannelOutput From(ChannelReport r) => new(
        r.Condition.ToString().ToLowerInvariant(),
        r.Distance2D.Value,
        r.Distance3D.Value,
        r.BreakpointDistance.Value,
        r.LosProbability,
        r.PathLoss.Value,
        r.LosPathLoss.Value,
        r.NlosPathLoss.Value,
        Link.From(r.Uplink),
        Link.From(r.Downlink));

    /// <summary>One direction: SNR in dB, Shannon rate in bit/s, receiver noise power in dBm.</summary>
    internal sealed record Link(double SnrDb, double RateBitsPerSecond, double NoisePowerDbm)
    {
        public static Link From(LinkReport l) => new(l.Snr.Value, l.Rate.Value, l.NoisePower.Value);
    }
}
