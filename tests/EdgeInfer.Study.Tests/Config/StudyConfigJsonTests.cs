using EdgeInfer.Core;
using EdgeInfer.Core.Planning;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Config;

namespace EdgeInfer.Study.Tests.Config;

public sealed class StudyConfigJsonTests
{
    [Fact]
    public void Defaults_AreThePapersSection41Values()
    {
        var c = new StudyConfig().Validated();
        Assert.Equal(["resnet152", "densenet201", "mobilenet"], c.Models);
        Assert.Equal(0.7, c.ComparisonPruningFactor.Value);
        Assert.Equal([3.7, 11.1, 18.5], c.Batteries.Select(b => b.Value));
        Assert.Equal(300, c.MaxRequests);
        Assert.Equal(100, c.PlotMaxLoad);
        Assert.Equal(1, c.DeviceThreads);
        Assert.Equal(300_000, c.Scenario.Workload.InputSize.Value);
        Assert.Equal(2_000, c.Scenario.Workload.ResultSize.Value);
        Assert.Equal(5.34, c.Scenario.Device.BasebandPower.Value);
        Assert.Equal(131.26, c.Scenario.Edge.ComputePower.Value);
        Assert.Equal(3.5e9, c.Scenario.Radio.CarrierFrequency.Value);
    }

    [Fact]
    public void Defaults_ComparisonIsTheAccurateFastMethodChannelLsAtPf07()
    {
        var c = new StudyConfig();

        Assert.Equal("channel-ls-0.70", c.ComparisonVariant("mobilenet").Name);
        Assert.Equal(512, c.CalibrationImages);
        Assert.Equal("channel-ls, pf 0.7", c.ComparisonDescription);
    }

    [Fact]
    public void Parse_TimingCalibrationAndPruneTiming_AreReadCheckedAndWrittenBack()
    {
        var c = StudyConfigJson.Parse("""{ "timingCalibrationImages": 128, "pruneTiming": "measured" }""", StudyPresets.Quick);
        Assert.Equal(128, c.TimingCalibrationImages);
        Assert.Equal(PruneTiming.Measured, c.EffectivePruneTiming);
        var text = StudyConfigWriter.ToJson(c);
        Assert.Contains("\"timingCalibrationImages\": 128", text, StringComparison.Ordinal);
        Assert.Contains("\"pruneTiming\": \"measured\"", text, StringComparison.Ordinal);
        var again = StudyConfigJson.Parse(text, new StudyConfig());
        Assert.Equal((128, PruneTiming.Measured), (again.TimingCalibrationImages, again.PruneTiming));

        var ex = Assert.Throws<EdgeInferInputException>(() =>
            StudyConfigJson.Parse("""{ "timingCalibrationImages": 0, "pruneTiming": "sometimes" }""", StudyPresets.Quick));
        Assert.Contains("timingCalibrationImages = 0 is outside [1, 2000]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pruneTiming = \"sometimes\" is not one of auto, measured, derived", ex.Message, StringComparison.Ordinal);
        Assert.Equal(64, new StudyConfig().TimingCalibrationImages);
    }

    [Fact]
    public void Parse_ComparisonKindAndMacsBudget_NameTheVariantAndAreWrittenBack()
    {
        var c = StudyConfigJson.Parse(
            """{ "pruningMethod": "Channel-LS+INT8", "comparisonMacsBudget": 0.5, "calibrationImages": 64 }""", new StudyConfig());

        Assert.Equal("channel-ls+int8-macs0.50", c.ComparisonVariant("mobilenet").Name);
        Assert.Equal(PruningMethod.ChannelLs, c.PruningMethod);
        Assert.Equal(Precision.Int8, c.ComparisonPrecision);
        Assert.Equal(64, c.CalibrationImages);
        var text = StudyConfigWriter.ToJson(c);
        Assert.Contains("\"pruningMethod\": \"channel-ls+int8\"", text, StringComparison.Ordinal);
        Assert.Contains("\"comparisonMacsBudget\": 0.5", text, StringComparison.Ordinal);
        Assert.Equal(text, StudyConfigWriter.ToJson(StudyConfigJson.Parse(text, new StudyConfig())));
    }

    [Fact]
    public void Parse_BadComparisonKindsAndBudgets_EachNamedWithItsField()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse(
            """{ "pruningMethod": "global", "comparisonMacsBudget": 0.5, "calibrationImages": 0 }""", new StudyConfig()));
        Assert.Contains("comparisonMacsBudget = 0.5 needs a structured pruningMethod (channel, channel-ls), not global", ex.Message, StringComparison.Ordinal);
        Assert.Contains("calibrationImages = 0 is outside [1, 2000]", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse(
            """{ "pruningMethod": "int8", "comparisonMacsBudget": 1.5 }""", new StudyConfig()));
        Assert.Contains("pruningMethod = \"int8\" quantizes without pruning", ex.Message, StringComparison.Ordinal);
        Assert.Contains("comparisonMacsBudget = 1.5 is not a fraction of the MACs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_QuickMeasuresUpTo16AndPaperUpTo100()
    {
        Assert.Equal(16, StudyPresets.Get("quick").EdgeLoads.Max());
        Assert.Equal(100, StudyPresets.Get("PAPER").EdgeLoads.Max());
        var ex = Assert.Throws<EdgeInferInputException>(() => StudyPresets.Get("fast"));
        Assert.Contains("quick, paper", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OmittedFields_KeepTheBaseConfig()
    {
        var c = StudyConfigJson.Parse("""{ "edgeLoads": [0, 2], "scenario": { "radio": { "distanceMeters": 250 } } }""", StudyPresets.Quick);
        Assert.Equal([0, 2], c.EdgeLoads);
        Assert.Equal(250, c.Scenario.Radio.Distance.Value);
        Assert.Equal(StudyPresets.Quick.Samples, c.Samples);
        Assert.Equal(5.34, c.Scenario.Device.BasebandPower.Value);
    }

    [Fact]
    public void Parse_EveryProblem_IsNamedInOneMessage()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse(
            """{ "model": ["mobilenet"], "samples": "ten", "edgeLoads": [0, 1.5], "scenario": { "model": {}, "workload": { "requests": 5 } } }""",
            new StudyConfig()));
        Assert.Contains("model is not a known field", ex.Message, StringComparison.Ordinal);
        Assert.Contains("samples must be a number", ex.Message, StringComparison.Ordinal);
        Assert.Contains("edgeLoads[1] = 1.5 must be a whole number", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scenario.model is set by the study", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scenario.workload.requests is varied by the study", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValidJsonButBadValues_ListsEveryRangeProblem()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse(
            """{ "models": ["alexnet"], "comparisonPruningFactor": 1.5, "pruningMethod": "random", "edgeLoads": [0, 0], "batteriesWattHours": [-1] }""",
            new StudyConfig()));
        Assert.Contains("'alexnet' is not a catalog model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("comparisonPruningFactor = 1.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pruningMethod = \"random\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("repeat a load", ex.Message, StringComparison.Ordinal);
        Assert.Contains("batteriesWattHours", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PruningNames_ReadAsTypesAndWrittenBack()
    {
        var c = StudyConfigJson.Parse(
            """{ "pruningMethod": "Global", "accuracyMethods": ["layer", "channel"], "pruningFactors": [0, 0.25], "comparisonPruningFactor": 0.5 }""",
            new StudyConfig());
        Assert.Equal(PruningMethod.Global, c.PruningMethod);
        Assert.Equal([PruningMethod.Layer, PruningMethod.Channel], c.AccuracyMethods);
        Assert.Equal([PruningFactor.Zero, PruningFactor.Of(0.25)], c.PruningFactors);
        Assert.Equal("global-0.50", c.ComparisonVariant("mobilenet").Name);
        var text = StudyConfigWriter.ToJson(c);
        Assert.Contains("\"pruningMethod\": \"global\"", text, StringComparison.Ordinal);
        Assert.Contains("\"accuracyMethods\": [", text, StringComparison.Ordinal);
        Assert.Contains("\"layer\"", text, StringComparison.Ordinal);
        Assert.Contains("\"comparisonPruningFactor\": 0.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadPruningValues_EachNamedWithItsField()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse(
            """{ "pruningFactors": [0.3, 0.755, 1], "comparisonPruningFactor": 0, "accuracyMethods": ["global", "random"] }""",
            new StudyConfig()));
        Assert.Contains("pruningFactors item 0.755 has more than two decimals", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pruningFactors item 1 is not in [0, 0.99]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("comparisonPruningFactor = 0 is the full model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("accuracyMethods \"random\" is not one of global, layer, channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_ApplyAnAccuracyMinimumOfFivePoints_AndPlotEveryPruningMethod()
    {
        var c = new StudyConfig();

        Assert.Equal(5, c.MaxTop1LossPoints);
        Assert.Equal(PruningMethods.Names, c.AccuracyMethods.Select(m => m.Name()));
        Assert.Equal(Enum.GetValues<PruningMethod>(), c.AccuracyMethods);
    }

    [Fact]
    public void AccuracyVariants_FullEveryMethodAtEveryFactorAndTheComparisonVariant_EachOnce()
    {
        var c = new StudyConfig
        {
            AccuracyModel = "cls",
            AccuracyMethods = [PruningMethod.Global, PruningMethod.Channel],
            PruningFactors = [PruningFactor.Zero, PruningFactor.Of(0.5), PruningFactor.Of(0.3)],
            ComparisonPruningFactor = PruningFactor.Of(0.7),
            PruningMethod = PruningMethod.Channel,
        };

        Assert.Equal(
            ["full", "global-0.30", "global-0.50", "channel-0.30", "channel-0.50", "channel-0.70"],
            c.AccuracyVariants().Select(v => v.Name));
        Assert.All(c.AccuracyVariants(), v => Assert.Equal("cls", v.Model));
        Assert.Empty((c with { AccuracyModel = null }).AccuracyVariants());
        Assert.Equal(5, (c with { ComparisonPruningFactor = PruningFactor.Of(0.5) }).AccuracyVariants().Count);
    }

    [Fact]
    public void Parse_MaxTop1LossPoints_ReadNullableCheckedAndWrittenBack()
    {
        Assert.Equal(2.5, StudyConfigJson.Parse("""{ "maxTop1LossPoints": 2.5 }""", new StudyConfig()).MaxTop1LossPoints);
        var none = StudyConfigJson.Parse("""{ "maxTop1LossPoints": null }""", new StudyConfig());
        Assert.Null(none.MaxTop1LossPoints);
        Assert.Null(StudyConfigJson.Parse(StudyConfigWriter.ToJson(none), new StudyConfig()).MaxTop1LossPoints);
        Assert.Contains("\"maxTop1LossPoints\": 5", StudyConfigWriter.ToJson(new StudyConfig()), StringComparison.Ordinal);
        var ex = Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse("""{ "maxTop1LossPoints": 120 }""", new StudyConfig()));
        Assert.Contains("maxTop1LossPoints = 120 must be in [0, 100]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_IsRejected()
    {
        Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse("{ models: ", new StudyConfig()));
        Assert.Throws<EdgeInferInputException>(() => StudyConfigJson.Parse("[1]", new StudyConfig()));
    }

    [Fact]
    public void Writer_RoundTripsThroughTheParser()
    {
        var original = StudyConfigJson.Parse(
            """
            { "models": ["mobilenet"], "accuracyModel": null, "loadModel": null, "edgeThreads": 2,
              "scenario": { "radio": { "condition": "nlos" }, "device": { "batteryWattHours": 5 }, "objective": "energy" } }
            """,
            StudyPresets.Paper);
        var text = StudyConfigWriter.ToJson(original);
        var parsed = StudyConfigJson.Parse(text, new StudyConfig());
        Assert.Equal(text, StudyConfigWriter.ToJson(parsed));
        Assert.Null(parsed.AccuracyModel);
        Assert.Null(parsed.LoadModel);
        Assert.Equal(Objective.Energy, parsed.Scenario.Objective);
        Assert.Equal(StudyPresets.Paper.EdgeLoads, parsed.EdgeLoads);
    }
}
