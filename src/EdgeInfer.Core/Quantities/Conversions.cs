namespace EdgeInfer.Core.Quantities;

/// <summary>
/// Every conversion between units, in one place. Quantities' cross-unit operators delegate here.
/// </summary>
public static class Conversions
{
    /// <summary>8 bits per byte.</summary>
    public const double BitsPerByte = 8.0;

    /// <summary>Decimal kilobyte: 1 kB = 1000 bytes (the paper's 300 kB input, 2 kB result).</summary>
    public const double BytesPerKilobyte = 1_000.0;

    /// <summary>Decimal megabyte: 1 MB = 10^6 bytes.</summary>
    public const double BytesPerMegabyte = 1_000_000.0;

    /// <summary>1 Wh = 3600 J.</summary>
    public const double JoulesPerWattHour = 3_600.0;

    /// <summary>Speed of light in vacuum, m/s (used by the 3GPP breakpoint distance).</summary>
    public const double SpeedOfLightMetersPerSecond = 299_792_458.0;

    /// <summary>Time to move <paramref name="size"/> at <paramref name="rate"/>: l·8 / D. A zero rate is an error.</summary>
    public static Seconds TransferTime(Bytes size, BitsPerSecond rate)
    {
        if (rate.Value <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate.Value, "A transfer needs a positive data rate.");
        }

        return new Seconds(size.Bits / rate.Value);
    }

    /// <summary>Energy = power × time.</summary>
    public static Joules Energy(Watts power, Seconds duration) => new(power.Value * duration.Value);

    /// <summary>Watt-hours to joules.</summary>
    public static Joules ToJoules(WattHours energy) => new(energy.Value * JoulesPerWattHour);

    /// <summary>Joules to watt-hours.</summary>
    public static WattHours ToWattHours(Joules energy) => new(energy.Value / JoulesPerWattHour);

    /// <summary>Seconds to <see cref="TimeSpan"/> (rounded to ticks).</summary>
    public static TimeSpan ToTimeSpan(Seconds duration) => TimeSpan.FromSeconds(duration.Value);

    /// <summary><see cref="TimeSpan"/> to seconds; negative spans are rejected.</summary>
    public static Seconds ToSeconds(TimeSpan duration) => new(duration.TotalSeconds);

    /// <summary>Decibels to a linear power ratio: 10^(dB/10).</summary>
    public static double ToLinear(Decibels ratio) => Math.Pow(10.0, ratio.Value / 10.0);

    /// <summary>A linear power ratio (&gt; 0) to decibels: 10·log10(x).</summary>
    public static Decibels ToDecibels(double linearRatio)
    {
        if (!(linearRatio > 0) || !double.IsFinite(linearRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(linearRatio), linearRatio, "A power ratio must be positive and finite to be expressed in dB.");
        }

        return new Decibels(10.0 * Math.Log10(linearRatio));
    }

    /// <summary>dBm to watts: 10^((dBm − 30)/10).</summary>
    public static Watts ToWatts(DecibelMilliwatts level) => new(Math.Pow(10.0, (level.Value - 30.0) / 10.0));

    /// <summary>Watts (&gt; 0) to dBm.</summary>
    public static DecibelMilliwatts ToDecibelMilliwatts(Watts power) => new(ToDecibels(power.Value).Value + 30.0);

    /// <summary>Hertz to gigahertz (the unit 3GPP TR 38.901 formulas take).</summary>
    public static double ToGigahertz(Hertz frequency) => frequency.Value / 1e9;
}
