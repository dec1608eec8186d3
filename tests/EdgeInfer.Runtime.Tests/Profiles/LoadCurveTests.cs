using CsCheck;
using EdgeInfer.Core;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Runtime.Tests.Profiles;

public sealed class LoadCurveTests
{
    private static readonly LoadCurve Curve = new("edge inference of test/full", [(0, 0.10), (2, 0.20), (8, 0.50)]);

    [Theory]
    [InlineData(0, 0.10)]
    [InlineData(1, 0.15)]
    [InlineData(2, 0.20)]
    [InlineData(5, 0.35)]
    [InlineData(7.5, 0.475)]
    [InlineData(8, 0.50)]
    public void At_WithinMeasuredLoads_InterpolatesLinearly(double load, double expected)
    {
        var estimate = Curve.At(load, extrapolate: false);

        Assert.Equal(expected, estimate.Seconds, 12);
        Assert.False(estimate.Extrapolated);
    }

    [Fact]
    public void At_MeasuredLoad_IsMarkedMeasured()
    {
        Assert.Equal(LoadEstimateKind.Measured, Curve.At(2, false).Kind);
        Assert.Equal(LoadEstimateKind.Interpolated, Curve.At(3, false).Kind);
    }

    [Fact]
    public void At_AboveHighestLoadWithoutExtrapolate_ThrowsNamingLoadAndRange()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => Curve.At(40, extrapolate: false));

        Assert.Contains("40", ex.Message);
        Assert.Contains("[0, 8]", ex.Message);
        Assert.Contains("extrapolation is off", ex.Message);
    }

    [Fact]
    public void At_AboveHighestLoadWithExtrapolate_UsesProcessorSharingFit()
    {
        // Exact processor sharing with T0 = 0.1 s on c = 2 cores: T(L) = 0.1·max(1, (L+1)/2).
        var curve = new LoadCurve("exact", [(0, 0.10), (1, 0.10), (3, 0.20), (7, 0.40), (15, 0.80)]);

        var estimate = curve.At(39, extrapolate: true);

        Assert.True(estimate.Extrapolated);
        Assert.Equal(2.0, estimate.Fit!.EffectiveCores, 2);
        Assert.Equal(0.1, estimate.Fit.UnloadedSeconds, 4);
        Assert.Equal(2.0, estimate.Seconds, 2);
        Assert.True(estimate.Fit.RmsRelativeError < 1e-3);
    }

    [Fact]
    public void At_AboveHighestLoadWithExtrapolate_IsAnchoredAtTheLastMeasuredPoint()
    {
        // The fit cannot pass through every point here (0.3 s at L = 16 is above any processor-sharing line through
        // the others); the extrapolation starts from the last measured median and grows with the fit's slope:
        // T(L) = T(16)·fit(L)/fit(16), so T(16 + ε) ≈ 0.3 s and more load never reads as a shorter time.
        var curve = new LoadCurve("noisy", [(0, 0.010), (4, 0.05), (16, 0.30)]);
        var fit = curve.Fit;

        var justAbove = curve.At(16.001, extrapolate: true);
        var at40 = curve.At(40, extrapolate: true);

        Assert.Equal(0.30, justAbove.Seconds, 3);
        Assert.Equal(0.30 * fit.SecondsAt(40) / fit.SecondsAt(16), at40.Seconds, 9);
        Assert.True(at40.Seconds >= justAbove.Seconds);
    }

    [Fact]
    public void At_OnlyOneLoadMeasured_CannotExtrapolate()
    {
        var curve = new LoadCurve("single", [(0, 0.1)]);

        var ex = Assert.Throws<EdgeInferInputException>(() => curve.At(4, extrapolate: true));

        Assert.Contains("only load 0", ex.Message);
    }

    [Fact]
    public void Constructor_DuplicateLoads_Throws()
    {
        Assert.Throws<EdgeInferInputException>(() => new LoadCurve("dup", [(0, 0.1), (0, 0.2)]));
        Assert.Throws<EdgeInferInputException>(() => new LoadCurve("empty", []));
    }

    [Fact]
    public void Fit_AnyExactProcessorSharingData_RecoversParameters()
    {
        Gen.Select(Gen.Double[0.001, 10], Gen.Double[1, 8]).Sample((t0, c) =>
        {
            int[] loads = [0, 1, 2, 4, 8, 16];
            var fit = ProcessorSharingFit.Fit(loads.Select(l => (l, t0 * Math.Max(1, (l + 1) / c))).ToArray());
            return Math.Abs(fit.SecondsAt(40) / (t0 * Math.Max(1, 41 / c)) - 1) < 0.01;
        });
    }

    [Fact]
    public void Fit_NoisyData_IsMonotoneInLoad()
    {
        var fit = ProcessorSharingFit.Fit([(0, 0.11), (1, 0.12), (2, 0.17), (4, 0.26), (8, 0.47), (16, 0.86)]);

        Assert.True(fit.SecondsAt(20) <= fit.SecondsAt(40));
        Assert.True(fit.EffectiveCores >= 1);
    }
}
