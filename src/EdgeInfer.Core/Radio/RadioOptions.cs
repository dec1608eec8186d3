using System.Globalization;
using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>
/// The radio link between one device (UE) and the base station (BS) with its co-located edge server.
/// Defaults are the paper's Section 4.1 (5G NR at 3.5 GHz, 100 MHz, BS 23 dBm, UE 10 dBm, 4×4 arrays at both ends,
/// 3GPP TR 38.901 UMi – Street Canyon) plus values the paper does not give: noise figures 5 dB (BS) and 9 dB (UE),
/// typical 3GPP evaluation values; element gain 0 dBi; UE height 1.5 m; distance 100 m.
/// Immutable; call <see cref="Validated"/> (engines do) before use.
/// </summary>
public sealed record RadioOptions
{
    /// <summary>The paper's defaults.</summary>
    public static RadioOptions Default { get; } = new();

    /// <summary>Horizontal BS–UE distance d2D; TR 38.901 UMi validity 10 m ≤ d2D ≤ 5000 m. Default 100 m.</summary>
    public Meters Distance { get; init; } = new(100);

    /// <summary>Which path loss the rates assume. Default <see cref="ChannelCondition.Los"/>.</summary>
    public ChannelCondition Condition { get; init; } = ChannelCondition.Los;

    /// <summary>Carrier frequency fc; the UMi model holds for 0.5–100 GHz. Default 3.5 GHz.</summary>
    public Hertz CarrierFrequency { get; init; } = new(3.5e9);

    /// <summary>Channel bandwidth B (&gt; 0). Default 100 MHz.</summary>
    public Hertz Bandwidth { get; init; } = new(100e6);

    /// <summary>BS transmit power (downlink). Default 23 dBm.</summary>
    public DecibelMilliwatts BaseStationTxPower { get; init; } = new(23);

    /// <summary>UE transmit power (uplink). Default 10 dBm.</summary>
    public DecibelMilliwatts DeviceTxPower { get; init; } = new(10);

    /// <summary>Antenna elements at the BS (≥ 1); array gain 10·log10(n). Default 16 (4×4).</summary>
    public int BaseStationAntennaElements { get; init; } = 16;

    /// <summary>Antenna elements at the UE (≥ 1); array gain 10·log10(n). Default 16 (4×4).</summary>
    public int DeviceAntennaElements { get; init; } = 16;

    /// <summary>Gain of one antenna element, added on each side. Default 0 dBi.</summary>
    public Decibels ElementGain { get; init; } = Decibels.Zero;

    /// <summary>Receiver noise figure at the BS (uplink receiver), ≥ 0. Default 5 dB (not from the paper).</summary>
    public Decibels BaseStationNoiseFigure { get; init; } = new(5);

    /// <summary>Receiver noise figure at the UE (downlink receiver), ≥ 0. Default 9 dB (not from the paper).</summary>
    public Decibels DeviceNoiseFigure { get; init; } = new(9);

    /// <summary>BS antenna height hBS; 1 m &lt; hBS ≤ 100 m (TR 38.901 UMi uses 10 m). Default 10 m.</summary>
    public Meters BaseStationHeight { get; init; } = new(10);

    /// <summary>UE antenna height hUT; TR 38.901 UMi validity 1.5 m ≤ hUT ≤ 22.5 m. Default 1.5 m.</summary>
    public Meters DeviceHeight { get; init; } = new(1.5);

    /// <summary>Every problem with these options, each naming its field (prefixed by <paramref name="path"/>, e.g. "radio.").</summary>
    public IReadOnlyList<string> Problems(string path = "")
    {
        var problems = new List<string>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                problems.Add(path + field + " " + message);
            }
        }

        Check(
            Distance.Value is >= 10 and <= 5000,
            "distanceMeters",
            $"= {F(Distance.Value)} m is outside the 3GPP TR 38.901 UMi range 10 m ≤ d2D ≤ 5000 m");
        Check(
            DeviceHeight.Value is >= 1.5 and <= 22.5,
            "deviceHeightMeters",
            $"= {F(DeviceHeight.Value)} m is outside the 3GPP TR 38.901 UMi range 1.5 m ≤ hUT ≤ 22.5 m");
        Check(
            BaseStationHeight.Value is > 1 and <= 100,
            "baseStationHeightMeters",
            $"= {F(BaseStationHeight.Value)} m is outside 1 m < hBS ≤ 100 m (UMi uses 10 m)");
        Check(
            CarrierFrequency.Value is >= 0.5e9 and <= 100e9,
            "carrierFrequencyGhz",
            $"= {F(CarrierFrequency.Value / 1e9)} GHz is outside the UMi model's 0.5–100 GHz");
        Check(Bandwidth.Value > 0, "bandwidthMhz", $"= {F(Bandwidth.Value / 1e6)} MHz must be positive");
        Check(BaseStationAntennaElements >= 1, "baseStationAntennaElements", $"= {BaseStationAntennaElements} must be at least 1");
        Check(DeviceAntennaElements >= 1, "deviceAntennaElements", $"= {DeviceAntennaElements} must be at least 1");
        Check(BaseStationNoiseFigure.Value >= 0, "baseStationNoiseFigureDb", $"= {F(BaseStationNoiseFigure.Value)} dB must not be negative");
        Check(DeviceNoiseFigure.Value >= 0, "deviceNoiseFigureDb", $"= {F(DeviceNoiseFigure.Value)} dB must not be negative");
        Check(Enum.IsDefined(Condition), "condition", $"= {Condition} is not one of los, nlos, expected");
        return problems;
    }

    /// <summary>Throws one <see cref="EdgeInferInputException"/> listing every problem; returns this when valid.</summary>
    public RadioOptions Validated(string path = "")
    {
        var problems = Problems(path);
        return problems.Count == 0 ? this : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
    }

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
