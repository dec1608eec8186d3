using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>
/// Link budget and Shannon capacity: SNR = Ptx + Gtx + Grx − PL − N, N = −174 dBm/Hz + 10·log10(B) + NF_rx,
/// rate = B·log2(1 + SNR) (SNR linear). These give D_ul and D_dl of the paper's Eqs. (1) and (4).
/// </summary>
public static class LinkBudget
{
    /// <summary>Thermal noise density at 290 K, −174 dBm/Hz.</summary>
    public static DecibelMilliwatts ThermalNoiseDensityPerHertz { get; } = new(-174);

    /// <summary>Receiver noise power N = −174 dBm/Hz + 10·log10(B/Hz) + NF.</summary>
    public static DecibelMilliwatts NoisePower(Hertz bandwidth, Decibels noiseFigure) =>
        ThermalNoiseDensityPerHertz + Conversions.ToDecibels(bandwidth.Value) + noiseFigure;

    /// <summary>Antenna gain of one side: 10·log10(elements) array gain plus the element gain.</summary>
    public static Decibels AntennaGain(int elements, Decibels elementGain)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elements, 1);
        return Conversions.ToDecibels(elements) + elementGain;
    }

    /// <summary>SNR = Ptx + Gtx + Grx − PL − N (all in dB/dBm).</summary>
    public static Decibels Snr(DecibelMilliwatts txPower, Decibels txGain, Decibels rxGain, Decibels pathLoss, DecibelMilliwatts noise) =>
        (txPower + txGain + rxGain - pathLoss) - noise;

    /// <summary>Shannon rate B·log2(1 + 10^(SNR/10)) in bit/s.</summary>
    public static BitsPerSecond ShannonRate(Hertz bandwidth, Decibels snr) =>
        new(bandwidth.Value * Math.Log2(1.0 + Conversions.ToLinear(snr)));

    /// <summary>The SNR whose Shannon rate is <paramref name="rate"/>: 10·log10(2^(R/B) − 1). Used for the expected condition.</summary>
    public static Decibels EffectiveSnr(Hertz bandwidth, BitsPerSecond rate) =>
        Conversions.ToDecibels(Math.Pow(2.0, rate.Value / bandwidth.Value) - 1.0);
}
