using CsCheck;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Tests.Radio;

/// <summary>
/// Link budget and Shannon rates against python3 (same script as <see cref="UmiStreetCanyonTests"/>, plus
/// <c>snr = ptx + 2*10*log10(16) - pl - (-174 + 10*log10(100e6) + nf)</c>, <c>rate = 100e6*log2(1 + 10**(snr/10))</c>;
/// uplink ptx = 10 dBm, nf = 5 dB (BS); downlink ptx = 23 dBm, nf = 9 dB (UE)). Rates to 0.01 % or better.
/// </summary>
public sealed class RadioChannelTests
{
    private const double RelativeTolerance = 1e-4;

    private static void AssertRelative(double expected, double actual, double tolerance = RelativeTolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected}, got {actual} (relative tolerance {tolerance})");

    [Fact]
    public void Evaluate_IssueReferenceLos100m_MatchesRates()
    {
        var report = RadioChannel.Evaluate(RadioOptions.Default);
        Assert.Equal(85.314, report.PathLoss.Value, 1e-3);
        AssertRelative(1254.66e6, report.Uplink.Rate.Value);
        AssertRelative(1553.61e6, report.Downlink.Rate.Value);
    }

    [Fact]
    public void Evaluate_Los100m_SnrMatchesLinkBudget()
    {
        // 10 + 24.082399653 - 85.314189103 - (-174 + 80 + 5) = 37.768210551 dB
        var report = RadioChannel.Evaluate(RadioOptions.Default);
        Assert.Equal(37.768210551, report.Uplink.Snr.Value, 1e-6);
        Assert.Equal(46.768210551, report.Downlink.Snr.Value, 1e-6);
        Assert.Equal(-89.0, report.Uplink.NoisePower.Value, 1e-9);
        Assert.Equal(-85.0, report.Downlink.NoisePower.Value, 1e-9);
    }

    [Theory]
    [InlineData(10, ChannelCondition.Los, 1870955645.190022, 2169928879.557358)]
    [InlineData(50, ChannelCondition.Los, 1461413288.842920, 1760381788.696139)]
    [InlineData(300, ChannelCondition.Los, 825766655.097393, 1124327559.192735)]
    [InlineData(5000, ChannelCondition.Los, 570163.725947, 4468025.507849)]
    [InlineData(100, ChannelCondition.Nlos, 614568184.869323, 911749459.222905)]
    [InlineData(300, ChannelCondition.Nlos, 129899161.230223, 365554727.319635)]
    [InlineData(5000, ChannelCondition.Nlos, 10260.482774, 81481.795643)]
    [InlineData(50, ChannelCondition.Expected, 1220661599.990368, 1519554556.277453)]
    [InlineData(100, ChannelCondition.Expected, 762418919.724098, 1060009308.227152)]
    [InlineData(1000, ChannelCondition.Expected, 6159242.631059, 29584695.229139)]
    public void Evaluate_HandComputed_MatchesRates(double d2D, ChannelCondition condition, double uplinkBps, double downlinkBps)
    {
        var report = RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(d2D), Condition = condition });
        AssertRelative(uplinkBps, report.Uplink.Rate.Value, 1e-9);
        AssertRelative(downlinkBps, report.Downlink.Rate.Value, 1e-9);
    }

    [Fact]
    public void Evaluate_Expected_EffectiveSnrReproducesRate()
    {
        var options = RadioOptions.Default with { Condition = ChannelCondition.Expected };
        var report = RadioChannel.Evaluate(options);
        AssertRelative(report.Uplink.Rate.Value, LinkBudget.ShannonRate(options.Bandwidth, report.Uplink.Snr).Value, 1e-9);
    }

    [Fact]
    public void Evaluate_Expected_PathLossIsLosProbabilityWeighted()
    {
        // 0.230984749698·85.314189103 + (1 − 0.230984749698)·104.643832012 = 100.178979283 dB
        var report = RadioChannel.Evaluate(RadioOptions.Default with { Condition = ChannelCondition.Expected });
        Assert.Equal(100.178979283, report.PathLoss.Value, 1e-6);
        Assert.Equal(ChannelCondition.Expected, report.Condition);
    }

    [Fact]
    public void Evaluate_DistanceBelowRange_ThrowsNamingField()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(9.5) }, "radio."));
        Assert.Contains("radio.distanceMeters = 9.5 m", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_SeveralProblems_ListsEveryOneInOneMessage()
    {
        var options = RadioOptions.Default with
        {
            Distance = new Meters(6000),
            DeviceHeight = new Meters(30),
            Bandwidth = Hertz.Zero,
            DeviceAntennaElements = 0,
            CarrierFrequency = new Hertz(200e9),
        };
        var ex = Assert.Throws<EdgeInferInputException>(() => options.Validated());
        foreach (var field in new[] { "distanceMeters", "deviceHeightMeters", "bandwidthMhz", "deviceAntennaElements", "carrierFrequencyGhz" })
        {
            Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_RangeLimits_AreAccepted()
    {
        RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(10), DeviceHeight = new Meters(22.5) });
        RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(5000), DeviceHeight = new Meters(1.5) });
    }

    [Fact]
    public void Evaluate_MoreElements_RaisesSnrByArrayGain()
    {
        // 64 elements instead of 16 at the BS: +10·log10(4) = 6.020599913 dB on both links
        var baseline = RadioChannel.Evaluate(RadioOptions.Default);
        var bigger = RadioChannel.Evaluate(RadioOptions.Default with { BaseStationAntennaElements = 64 });
        Assert.Equal(baseline.Uplink.Snr.Value + 6.020599913, bigger.Uplink.Snr.Value, 1e-6);
        Assert.Equal(baseline.Downlink.Snr.Value + 6.020599913, bigger.Downlink.Snr.Value, 1e-6);
    }

    [Fact]
    public void Evaluate_RateFallsAsDistanceGrows_ForEveryCondition()
    {
        Gen.Select(Gen.Double[10, 5000], Gen.Double[10, 5000], Gen.Enum<ChannelCondition>()).Sample((a, b, condition) =>
        {
            var (near, far) = a <= b ? (a, b) : (b, a);
            var rNear = RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(near), Condition = condition });
            var rFar = RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(far), Condition = condition });
            Assert.True(rNear.Uplink.Rate >= rFar.Uplink.Rate, $"uplink {condition}: {near} m → {rNear.Uplink.Rate}, {far} m → {rFar.Uplink.Rate}");
            Assert.True(
                rNear.Downlink.Rate >= rFar.Downlink.Rate, $"downlink {condition}: {near} m → {rNear.Downlink.Rate}, {far} m → {rFar.Downlink.Rate}");
        });
    }

    [Fact]
    public void Evaluate_DownlinkBeatsUplink_WithDefaults()
    {
        // 13 dB more transmit power outweighs the 4 dB worse noise figure at the UE.
        Gen.Double[10, 5000].Sample(d =>
        {
            var r = RadioChannel.Evaluate(RadioOptions.Default with { Distance = new Meters(d), Condition = ChannelCondition.Nlos });
            Assert.True(r.Downlink.Rate > r.Uplink.Rate);
        });
    }
}
