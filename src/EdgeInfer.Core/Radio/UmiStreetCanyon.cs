using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>
/// 3GPP TR 38.901 Table 7.4.1-1 and Table 7.4.2-1, Urban Micro – Street Canyon: path loss and LOS probability.
/// fc in GHz inside the formulas, distances in metres. Outside the validity ranges every method throws
/// (no silent clamping): 10 m ≤ d2D ≤ 5000 m, 1.5 m ≤ hUT ≤ 22.5 m, hBS &gt; 1 m.
/// </summary>
public static class UmiStreetCanyon
{
    /// <summary>Smallest horizontal distance the model covers, 10 m.</summary>
    public static Meters MinDistance { get; } = new(10);

    /// <summary>Largest horizontal distance the model covers, 5000 m.</summary>
    public static Meters MaxDistance { get; } = new(5000);

    /// <summary>d3D = sqrt(d2D² + (hBS − hUT)²).</summary>
    public static Meters Distance3D(Meters distance2D, Meters baseStationHeight, Meters deviceHeight)
    {
        CheckGeometry(distance2D, baseStationHeight, deviceHeight);
        var dh = baseStationHeight.Value - deviceHeight.Value;
        return new Meters(Math.Sqrt((distance2D.Value * distance2D.Value) + (dh * dh)));
    }

    /// <summary>d'BP = 4·h'BS·h'UT·fc/c with h' = h − 1 m (effective heights), fc in Hz, c = 299 792 458 m/s.</summary>
    public static Meters BreakpointDistance(Meters baseStationHeight, Meters deviceHeight, Hertz carrierFrequency)
    {
        CheckHeights(baseStationHeight, deviceHeight);
        return new Meters(
            4.0 * (baseStationHeight.Value - 1.0) * (deviceHeight.Value - 1.0) * carrierFrequency.Value / Conversions.SpeedOfLightMetersPerSecond);
    }

    /// <summary>
    /// PL_LOS: PL1 = 32.4 + 21·log10(d3D) + 20·log10(fc) for d2D ≤ d'BP;
    /// PL2 = 32.4 + 40·log10(d3D) + 20·log10(fc) − 9.5·log10(d'BP² + (hBS − hUT)²) above it.
    /// </summary>
    public static Decibels LosPathLoss(Meters distance2D, Meters baseStationHeight, Meters deviceHeight, Hertz carrierFrequency)
    {
        var d3 = Distance3D(distance2D, baseStationHeight, deviceHeight).Value;
        var bp = BreakpointDistance(baseStationHeight, deviceHeight, carrierFrequency).Value;
        var fcGhz = Conversions.ToGigahertz(carrierFrequency);
        if (distance2D.Value <= bp)
        {
            return new Decibels(32.4 + (21.0 * Math.Log10(d3)) + (20.0 * Math.Log10(fcGhz)));
        }

        var dh = baseStationHeight.Value - deviceHeight.Value;
        return new Decibels(32.4 + (40.0 * Math.Log10(d3)) + (20.0 * Math.Log10(fcGhz)) - (9.5 * Math.Log10((bp * bp) + (dh * dh))));
    }

    /// <summary>PL_NLOS = max(PL_LOS, PL'_NLOS), PL'_NLOS = 35.3·log10(d3D) + 22.4 + 21.3·log10(fc) − 0.3·(hUT − 1.5).</summary>
    public static Decibels NlosPathLoss(Meters distance2D, Meters baseStationHeight, Meters deviceHeight, Hertz carrierFrequency)
    {
        var los = LosPathLoss(distance2D, baseStationHeight, deviceHeight, carrierFrequency);
        var d3 = Distance3D(distance2D, baseStationHeight, deviceHeight).Value;
        var nlos = (35.3 * Math.Log10(d3)) + 22.4 + (21.3 * Math.Log10(Conversions.ToGigahertz(carrierFrequency))) - (0.3 * (deviceHeight.Value - 1.5));
        return new Decibels(Math.Max(los.Value, nlos));
    }

    /// <summary>Pr_LOS = 1 for d2D ≤ 18 m, else 18/d2D + exp(−d2D/36)·(1 − 18/d2D). In [0, 1].</summary>
    public static double LosProbability(Meters distance2D)
    {
        CheckDistance(distance2D);
        var d = distance2D.Value;
        return d <= 18.0 ? 1.0 : (18.0 / d) + (Math.Exp(-d / 36.0) * (1.0 - (18.0 / d)));
    }

    private static void CheckGeometry(Meters distance2D, Meters baseStationHeight, Meters deviceHeight)
    {
        CheckDistance(distance2D);
        CheckHeights(baseStationHeight, deviceHeight);
    }

    private static void CheckDistance(Meters distance2D)
    {
        if (distance2D < MinDistance || distance2D > MaxDistance)
        {
            throw new ArgumentOutOfRangeException(
                nameof(distance2D), distance2D.Value, $"d2D = {distance2D} is outside the UMi range 10 m ≤ d2D ≤ 5000 m.");
        }
    }

    private static void CheckHeights(Meters baseStationHeight, Meters deviceHeight)
    {
        if (deviceHeight.Value is < 1.5 or > 22.5)
        {
            throw new ArgumentOutOfRangeException(
                nameof(deviceHeight), deviceHeight.Value, $"hUT = {deviceHeight} is outside the UMi range 1.5 m ≤ hUT ≤ 22.5 m.");
        }

        if (baseStationHeight.Value <= 1.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(baseStationHeight),
                baseStationHeight.Value,
                $"hBS = {baseStationHeight} must exceed 1 m (the effective height hBS − 1 m must be positive).");
        }
    }
}
