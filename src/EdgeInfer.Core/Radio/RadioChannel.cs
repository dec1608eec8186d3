using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>Evaluates validated <see cref="RadioOptions"/> into path loss, SNR and rates for uplink and downlink.</summary>
public static class RadioChannel
{
    /// <summary>Validates <paramref name="options"/> (all problems in one message) and evaluates the channel.</summary>
    public static ChannelReport Evaluate(RadioOptions options, string path = "")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated(path);
        var d2 = options.Distance;
        var hBs = options.BaseStationHeight;
        var hUt = options.DeviceHeight;
        var fc = options.CarrierFrequency;

        var pLos = UmiStreetCanyon.LosProbability(d2);
        var plLos = UmiStreetCanyon.LosPathLoss(d2, hBs, hUt, fc);
        var plNlos = UmiStreetCanyon.NlosPathLoss(d2, hBs, hUt, fc);
        var gBs = LinkBudget.AntennaGain(options.BaseStationAntennaElements, options.ElementGain);
        var gUe = LinkBudget.AntennaGain(options.DeviceAntennaElements, options.ElementGain);
        var nBs = LinkBudget.NoisePower(options.Bandwidth, options.BaseStationNoiseFigure);
        var nUe = LinkBudget.NoisePower(options.Bandwidth, options.DeviceNoiseFigure);

        LinkReport Link(DecibelMilliwatts tx, Decibels gTx, Decibels gRx, DecibelMilliwatts noise)
        {
            var snrLos = LinkBudget.Snr(tx, gTx, gRx, plLos, noise);
            var snrNlos = LinkBudget.Snr(tx, gTx, gRx, plNlos, noise);
            switch (options.Condition)
            {
                case ChannelCondition.Los:
                    return new LinkReport(snrLos, LinkBudget.ShannonRate(options.Bandwidth, snrLos), noise);
                case ChannelCondition.Nlos:
                    return new LinkReport(snrNlos, LinkBudget.ShannonRate(options.Bandwidth, snrNlos), noise);
                default:
                    var rate = (LinkBudget.ShannonRate(options.Bandwidth, snrLos) * pLos) + (LinkBudget.ShannonRate(options.Bandwidth, snrNlos) * (1.0 - pLos));
                    return new LinkReport(LinkBudget.EffectiveSnr(options.Bandwidth, rate), rate, noise);
            }
        }

        var uplink = Link(options.DeviceTxPower, gUe, gBs, nBs);
        var downlink = Link(options.BaseStationTxPower, gBs, gUe, nUe);
        var pathLoss = options.Condition switch
        {
            ChannelCondition.Los => plLos,
            ChannelCondition.Nlos => plNlos,
            _ => (plLos * pLos) + (plNlos * (1.0 - pLos)),
        };

        return new ChannelReport(
            options.Condition,
            d2,
            UmiStreetCanyon.Distance3D(d2, hBs, hUt),
            UmiStreetCanyon.BreakpointDistance(hBs, hUt, fc),
            pLos,
            plLos,
            plNlos,
            pathLoss,
            uplink,
            downlink);
    }
}
