using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Tests.Quantities;

/// <summary>Unit conversions against values worked out by hand (exact unless a tolerance is given).</summary>
public sealed class ConversionsTests
{
    [Fact]
    public void FromKilobytes_PaperInput_Is300000Bytes() => Assert.Equal(300_000L, Bytes.FromKilobytes(300).Value);

    [Fact]
    public void FromMegabytes_Fraction_RoundsToNearestByte() => Assert.Equal(16_900_000L, Bytes.FromMegabytes(16.9).Value);

    [Fact]
    public void Bits_OfTwoKilobytes_Is16000() => Assert.Equal(16_000.0, Bytes.FromKilobytes(2).Bits);

    [Fact]
    public void TransferTime_300kBAt1Gbps_Is2point4Milliseconds()
    {
        // 300 000 B · 8 bit/B / 1e9 bit/s = 2.4e-3 s
        var t = new Bytes(300_000) / new BitsPerSecond(1e9);
        Assert.Equal(2.4e-3, t.Value, 15);
    }

    [Fact]
    public void TransferTime_ZeroRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Conversions.TransferTime(new Bytes(1), BitsPerSecond.Zero));

    [Fact]
    public void Energy_WattsTimesSeconds_IsJoules() => Assert.Equal(5.6, (new Watts(2.8) * new Seconds(2)).Value, 12);

    [Fact]
    public void WattHours_RoundTrip_IsExact()
    {
        // 11.1 Wh · 3600 J/Wh = 39 960 J
        var joules = Conversions.ToJoules(new WattHours(11.1));
        Assert.Equal(39_960.0, joules.Value, 9);
        Assert.Equal(11.1, Conversions.ToWattHours(joules).Value, 12);
    }

    [Fact]
    public void ToDecibels_Sixteen_Is12point0412()
    {
        // 10·log10(16) = 12.041199826559248 (python3: 10*math.log10(16))
        Assert.Equal(12.041199826559248, Conversions.ToDecibels(16).Value, 12);
        Assert.Equal(16.0, Conversions.ToLinear(new Decibels(12.041199826559248)), 10);
    }

    [Fact]
    public void ToDecibels_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Conversions.ToDecibels(0));

    [Fact]
    public void DecibelMilliwatts_23dBm_Is0point1995Watts()
    {
        // 10^((23 − 30)/10) = 0.19952623149688797 W
        Assert.Equal(0.19952623149688797, Conversions.ToWatts(new DecibelMilliwatts(23)).Value, 14);
        Assert.Equal(23.0, Conversions.ToDecibelMilliwatts(new Watts(0.19952623149688797)).Value, 10);
    }

    [Fact]
    public void ToGigahertz_3point5e9_Is3point5() => Assert.Equal(3.5, Conversions.ToGigahertz(new Hertz(3.5e9)));

    [Fact]
    public void TimeSpan_RoundTrip_KeepsSeconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), Conversions.ToTimeSpan(new Seconds(0.25)));
        Assert.Equal(0.25, Conversions.ToSeconds(TimeSpan.FromMilliseconds(250)).Value);
    }

    [Fact]
    public void ToSeconds_NegativeTimeSpan_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Conversions.ToSeconds(TimeSpan.FromSeconds(-1)));
}
