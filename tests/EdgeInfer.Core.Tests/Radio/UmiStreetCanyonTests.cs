using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Tests.Radio;

/// <summary>
/// TR 38.901 UMi – Street Canyon against values computed independently with python3 from the formulas of the issue
/// (hBS = 10 m, hUT = 1.5 m, fc = 3.5 GHz, c = 299 792 458 m/s):
/// <code>
/// d3 = sqrt(d2**2 + 8.5**2); dbp = 4*9*0.5*3.5e9/c                      # 210.145379975 m
/// pl1 = 32.4 + 21*log10(d3) + 20*log10(3.5)
/// pl2 = 32.4 + 40*log10(d3) + 20*log10(3.5) - 9.5*log10(dbp**2 + 8.5**2)
/// los = pl1 if d2 &lt;= dbp else pl2
/// nlos = max(los, 35.3*log10(d3) + 22.4 + 21.3*log10(3.5) - 0.3*(1.5 - 1.5))
/// p = 1 if d2 &lt;= 18 else 18/d2 + exp(-d2/36)*(1 - 18/d2)
/// </code>
/// Tolerance 1e-6 dB for own points (printed with 9 decimals), 1e-3 dB for the issue's 3-decimal reference.
/// </summary>
public sealed class UmiStreetCanyonTests
{
    private static readonly Meters Hbs = new(10);
    private static readonly Meters Hut = new(1.5);
    private static readonly Hertz Fc = new(3.5e9);

    [Fact]
    public void LosPathLoss_IssueReference100m_Is85point314() =>
        Assert.Equal(85.314, UmiStreetCanyon.LosPathLoss(new Meters(100), Hbs, Hut, Fc).Value, 1e-3);

    [Fact]
    public void NlosPathLoss_IssueReference100m_Is104point644() =>
        Assert.Equal(104.644, UmiStreetCanyon.NlosPathLoss(new Meters(100), Hbs, Hut, Fc).Value, 1e-3);

    [Fact]
    public void BreakpointDistance_Defaults_Is210point145m() =>
        Assert.Equal(210.145379975, UmiStreetCanyon.BreakpointDistance(Hbs, Hut, Fc).Value, 1e-6);

    [Fact]
    public void Distance3D_100m_IncludesHeightDifference() =>
        Assert.Equal(100.360599839, UmiStreetCanyon.Distance3D(new Meters(100), Hbs, Hut).Value, 1e-6);

    [Theory]
    [InlineData(10, 66.761032808)] // lower range limit, PL1
    [InlineData(50, 79.089649234)] // below the breakpoint, PL1
    [InlineData(300, 98.238559514)] // above the breakpoint, PL2
    [InlineData(1000, 119.147366816)] // PL2
    [InlineData(5000, 147.105564559)] // upper range limit, PL2
    public void LosPathLoss_HandComputed_Matches(double d2D, double expectedDb) =>
        Assert.Equal(expectedDb, UmiStreetCanyon.LosPathLoss(new Meters(d2D), Hbs, Hut, Fc).Value, 1e-6);

    [Theory]
    [InlineData(10, 73.456859764)]
    [InlineData(50, 94.180676899)]
    [InlineData(300, 121.437180698)]
    [InlineData(5000, 164.562312650)]
    public void NlosPathLoss_HandComputed_Matches(double d2D, double expectedDb) =>
        Assert.Equal(expectedDb, UmiStreetCanyon.NlosPathLoss(new Meters(d2D), Hbs, Hut, Fc).Value, 1e-6);

    [Fact]
    public void LosPathLoss_TallDevice_UsesLongerBreakpoint()
    {
        // hUT = 22.5 m: dbp = 4*9*21.5*3.5e9/c = 9036.251338918 m, so 1000 m is still PL1:
        // 32.4 + 21*log10(sqrt(1000**2 + 12.5**2)) + 20*log10(3.5) = 106.282073346
        Assert.Equal(9036.251338918, UmiStreetCanyon.BreakpointDistance(Hbs, new Meters(22.5), Fc).Value, 1e-6);
        Assert.Equal(106.282073346, UmiStreetCanyon.LosPathLoss(new Meters(1000), Hbs, new Meters(22.5), Fc).Value, 1e-6);
        // NLOS with the −0.3·(22.5 − 1.5) height term: 133.589846954
        Assert.Equal(133.589846954, UmiStreetCanyon.NlosPathLoss(new Meters(1000), Hbs, new Meters(22.5), Fc).Value, 1e-6);
    }

    [Fact]
    public void LosPathLoss_AtBreakpoint_IsContinuous()
    {
        var bp = UmiStreetCanyon.BreakpointDistance(Hbs, Hut, Fc);
        var below = UmiStreetCanyon.LosPathLoss(bp, Hbs, Hut, Fc).Value;
        var above = UmiStreetCanyon.LosPathLoss(new Meters(bp.Value + 1e-9), Hbs, Hut, Fc).Value;
        Assert.Equal(below, above, 1e-6);
    }

    [Theory]
    [InlineData(10, 1.0)]
    [InlineData(18, 1.0)]
    [InlineData(50, 0.519585413617)]
    [InlineData(100, 0.230984749698)]
    [InlineData(1000, 0.018000000001)]
    public void LosProbability_HandComputed_Matches(double d2D, double expected) =>
        Assert.Equal(expected, UmiStreetCanyon.LosProbability(new Meters(d2D)), 1e-11);

    [Theory]
    [InlineData(9.999)]
    [InlineData(5000.001)]
    public void LosPathLoss_OutsideDistanceRange_ThrowsWithoutClamping(double d2D)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => UmiStreetCanyon.LosPathLoss(new Meters(d2D), Hbs, Hut, Fc));
        Assert.Contains("10 m ≤ d2D ≤ 5000 m", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.49)]
    [InlineData(22.51)]
    public void NlosPathLoss_DeviceHeightOutsideRange_Throws(double hUt) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UmiStreetCanyon.NlosPathLoss(new Meters(100), Hbs, new Meters(hUt), Fc));
}
