using EdgeInfer.Device.Execution;

namespace EdgeInfer.Device.Tests;

public sealed class StrategySummaryTests
{
    private static StrategyRun Run(
        string strategy, double measuredCycle, double predictedCycle, double measuredLifetime = 1, double predictedLifetime = 1) => new(
        strategy, "m", "full", 2, 2,
        new MeasuredCosts(measuredCycle, measuredLifetime, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        new PredictedCosts(predictedCycle, predictedLifetime, 0, 0, predictedCycle / 2, predictedLifetime / 2),
        new RelativeErrors((measuredCycle - predictedCycle) / predictedCycle, (measuredLifetime - predictedLifetime) / predictedLifetime),
        0, 0, [], [], []);

    [Fact]
    public void Of_ThreeRepetitions_GivesMediansAndTheMedianOfTheirOwnErrors()
    {
        // Errors −10 %, +20 %, +5 % against predictions 1.0, 1.0 and 2.0: median error +5 %. The error of the medians
        // would be (1.2 − 1.0)/1.0 = +20 %: the run predicted at 2.0 lifts the measured median but not the predicted one.
        var summary = Assert.Single(StrategySummary.Of([Run("edge-full", 0.9, 1.0), Run("edge-full", 1.2, 1.0), Run("edge-full", 2.1, 2.0)]));
        Assert.Equal(3, summary.Repetitions);
        Assert.Equal(1.2, summary.CycleDelaySeconds, 12);
        Assert.Equal(1.0, summary.PredictedCycleDelaySeconds, 12);
        Assert.Equal(0.5, summary.PaperCycleDelaySeconds, 12);
        Assert.Equal(0.05, summary.CycleError, 12);
        Assert.Equal(-0.1, summary.MinCycleError, 12);
        Assert.Equal(0.2, summary.MaxCycleError, 12);
    }

    [Fact]
    public void Of_SeveralStrategies_OnePerStrategyInFirstRunOrder_SkippingUnmeasured()
    {
        var summaries = StrategySummary.Of([Run("device-full", 1, 1), Run("edge-full", 1, 1), Run("device-full", 3, 1), Run("edge-ondemand", double.NaN, 1)]);
        Assert.Equal(["device-full", "edge-full"], summaries.Select(s => s.Strategy));
        Assert.Equal(1.0, summaries[0].CycleError, 12); // errors 0 and +200 %: their median
    }
}
