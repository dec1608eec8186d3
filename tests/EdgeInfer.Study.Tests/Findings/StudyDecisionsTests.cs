using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Figures;
using EdgeInfer.Study.Findings;
using EdgeInfer.Study.Measurement;
using EdgeInfer.Study.Running;
using EdgeInfer.Study.Tests.Figures;

namespace EdgeInfer.Study.Tests.Findings;

public sealed class StudyDecisionsTests
{
    /// <summary>The proxy "cls" at the measured accuracy: 84.8 % unpruned, 12.0 % with channel pruning at pf 0.7.</summary>
    private static readonly MeasuredAccuracy[] ProxyAccuracy =
    [
        new(ModelVariant.Full("cls"), 0.848, 0.998, "subset", 500),
        new(ModelVariant.Pruned("cls", PruningMethod.Channel, PruningFactor.Of(0.7)), 0.12, 0.501, "subset", 500),
    ];

    private static readonly StudyConfig Config =
        new StudyConfig { Models = ["mobilenet"], EdgeLoads = [0, 10], AccuracyModel = "cls", PruningMethod = PruningMethod.Channel }.Validated();

    private static readonly LinkRates Rates = RadioChannel.Evaluate(Config.Scenario.Radio).Rates;

    /// <summary>MobileNet whose pruned variant (channel-0.70) is twice as fast everywhere: without accuracy it would win.</summary>
    private static readonly ModelMeasurements Measured = SyntheticStudy.Model("mobilenet", 0.3, (0, 0.1), (10, 1.1));

    [Fact]
    public void For_MeasuredProxy_StatesWhatStandsInForTheUntrainedNetworksAndTheMinimum()
    {
        var accuracy = DecisionAccuracy.For(Config, Measurements(ProxyAccuracy));

        Assert.Equal(0.848 - 0.05, accuracy.MinTop1!.Value, 12);
        Assert.Same(ProxyAccuracy[1], accuracy.Pruned);
        Assert.Contains("untrained networks (mobilenet)", accuracy.Statement, StringComparison.Ordinal);
        Assert.Contains(
            "The trained proxy `cls` at the same method and budget stands in for them in every decision: Top-1 84.8 % for their full model, "
            + "12.0 % for their `channel-0.70`", accuracy.Statement, StringComparison.Ordinal);
        Assert.Contains("Top-1 ≥ 79.8 % (at most 5 points below the full model", accuracy.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoAccuracyMeasured_SaysNoConstraintCouldBeApplied()
    {
        var accuracy = DecisionAccuracy.For(Config, Measurements([]) with { AccuracyNote = "accuracy was not asked for" });

        Assert.Null(accuracy.MinTop1);
        Assert.StartsWith("No accuracy constraint could be applied: accuracy was not asked for.", accuracy.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ProxyBelowTheMinimum_RulesOutThePrunedVariantInEveryDecision_AndSaysSo()
    {
        var accuracy = DecisionAccuracy.For(Config, Measurements(ProxyAccuracy));

        var free = StudyDecisions.Compute([new ModelCostInputs(Config, Measured)], Rates, 50);
        var constrained = StudyDecisions.Compute([new ModelCostInputs(Config, Measured, accuracy)], Rates, 50);

        Assert.Contains(free, d => Strategies.Parse(d.Latency).UsesPrunedModel());
        Assert.Contains(free, d => d.Accuracy == "not known (channel-0.70; no accuracy model)");
        Assert.Equal(free.Count, constrained.Count);
        foreach (var d in constrained)
        {
            Assert.False(Strategies.Parse(d.Latency).UsesPrunedModel(), d.Explanation);
            Assert.Equal("84.8 % (proxy cls/full)", d.Accuracy);
            Assert.EndsWith("Ruled out by accuracy: the pruned model channel-0.70 (top1 0.12 < minTop1 0.798).", d.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compute_MinimumLowEnough_LetsThePrunedVariantWin_WithTheProxysTop1()
    {
        var lenient = Config with { MaxTop1LossPoints = 80 };
        var accuracy = DecisionAccuracy.For(lenient, Measurements(ProxyAccuracy));

        var decisions = StudyDecisions.Compute([new ModelCostInputs(lenient, Measured, accuracy)], Rates, 50);

        var pruned = Assert.Single(decisions, d => Strategies.Parse(d.Latency).UsesPrunedModel() && d.Load == 0 && d.Requests == 50);
        Assert.Equal("12.0 % (proxy cls/channel-0.70)", pruned.Accuracy);
        Assert.DoesNotContain("Ruled out by accuracy", pruned.Explanation, StringComparison.Ordinal);
    }

    private static StudyMeasurements Measurements(MeasuredAccuracy[] accuracy) => new() { Models = [Measured], Accuracy = accuracy };
}
