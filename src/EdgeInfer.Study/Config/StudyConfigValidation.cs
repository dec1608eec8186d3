using System.Globalization;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Config;

/// <summary>The checks behind <see cref="StudyConfig.Problems"/>.</summary>
internal static class StudyConfigValidation
{
    public static IReadOnlyList<string> Problems(StudyConfig c)
    {
        var problems = new List<string>();
        ModelProblems(c, problems);
        PruningProblems(c, problems);
        LoadProblems(c, problems);
        MeasurementProblems(c, problems);
        if (c.Batteries.Count == 0 || c.Batteries.Any(b => !(b.Value > 0)))
        {
            problems.Add("batteriesWattHours must list one or more positive capacities");
        }

        foreach (var problem in c.Scenario.Problems())
        {
            problems.Add("scenario." + problem);
        }

        return problems;
    }

    /// <summary>The measured models and the background load model: catalog names, no repeats.</summary>
    private static void ModelProblems(StudyConfig c, List<string> problems)
    {
        if (c.Models.Count == 0)
        {
            problems.Add("models must name at least one model");
        }

        foreach (var model in c.Models)
        {
            if (!ModelCatalog.TryFind(model, out _))
            {
                problems.Add($"models: '{model}' is not a catalog model ({string.Join(", ", ModelCatalog.Models.Select(m => m.Name))})");
            }
        }

        if (c.Models.Distinct(StringComparer.OrdinalIgnoreCase).Count() != c.Models.Count)
        {
            problems.Add("models repeat a model");
        }

        if (c.LoadModel is { } load && !ModelCatalog.TryFind(load, out _))
        {
            problems.Add($"loadModel '{load}' is not a catalog model");
        }
    }

    /// <summary>Pruning factors and methods (figures and accuracy), and the accuracy images.</summary>
    private static void PruningProblems(StudyConfig c, List<string> problems)
    {
        if (c.AccuracyImages < 1)
        {
            problems.Add($"accuracyImages = {c.AccuracyImages} must be at least 1");
        }

        if (c.MaxTop1LossPoints is { } loss && loss is not (>= 0 and <= 100))
        {
            problems.Add(FormattableString.Invariant($"maxTop1LossPoints = {loss} must be in [0, 100] percentage points (null: no accuracy constraint)"));
        }

        if (c.AccuracyMethods.Count == 0 || c.AccuracyMethods.Distinct().Count() != c.AccuracyMethods.Count)
        {
            problems.Add("accuracyMethods must list one or more pruning methods, each once");
        }

        // Each factor is in [0, 0.99] and each method a known one by their types (the JSON reader rejects the rest).
        if (c.PruningFactors.Count == 0)
        {
            problems.Add("pruningFactors must list one or more pruning factors");
        }

        if (c.PruningFactors.Distinct().Count() != c.PruningFactors.Count)
        {
            problems.Add($"pruningFactors [{string.Join(", ", c.PruningFactors)}] repeat a value");
        }

        if (c.ComparisonPruningFactor.IsZero && c.ComparisonMacsBudget is null)
        {
            problems.Add("comparisonPruningFactor = 0 is the full model; the comparisons need a pruning factor above 0");
        }

        if (c.ComparisonMacsBudget is { } budget && !c.PruningMethod.IsStructured())
        {
            problems.Add($"comparisonMacsBudget = {budget} needs a structured pruningMethod (channel, channel-ls), not {c.PruningMethod.Name()}");
        }

        if (c.CalibrationImages is < 1 or > 2000)
        {
            problems.Add($"calibrationImages = {c.CalibrationImages} is outside [1, 2000]");
        }

        if (c.TimingCalibrationImages is < 1 or > 2000)
        {
            problems.Add($"timingCalibrationImages = {c.TimingCalibrationImages} is outside [1, 2000]");
        }
    }

    /// <summary>Measured edge loads and the plotted range.</summary>
    private static void LoadProblems(StudyConfig c, List<string> problems)
    {
        if (c.EdgeLoads.Count == 0 || c.EdgeLoads.Any(l => l is < 0 or > 1024))
        {
            problems.Add($"edgeLoads [{string.Join(", ", c.EdgeLoads)}] must be one or more loads in [0, 1024]");
        }

        if (c.EdgeLoads.Distinct().Count() != c.EdgeLoads.Count)
        {
            problems.Add($"edgeLoads [{string.Join(", ", c.EdgeLoads)}] repeat a load");
        }

        if (c.EdgeLoads.Count > 0 && c.PlotMaxLoad < c.EdgeLoads.Max())
        {
            problems.Add($"plotMaxLoad = {c.PlotMaxLoad} must be at least the largest measured load {c.EdgeLoads.Max()}");
        }

        if (c.PlotMaxLoad > 1024)
        {
            problems.Add($"plotMaxLoad = {c.PlotMaxLoad} must be at most 1024");
        }
    }

    /// <summary>Q range, samples, warm-ups, prunings and threads.</summary>
    private static void MeasurementProblems(StudyConfig c, List<string> problems)
    {
        if (c.MaxRequests is < 2 or > 1_000_000)
        {
            problems.Add($"maxRequests = {c.MaxRequests} must be in [2, 1000000]");
        }

        if (c.Samples is < 1 or > 100_000)
        {
            problems.Add($"samples = {c.Samples} must be in [1, 100000]");
        }

        if (c.WarmupRuns is < 0 or > 1000)
        {
            problems.Add($"warmupRuns = {c.WarmupRuns} must be in [0, 1000]");
        }

        if (c.PruneSamples is < 1 or > 1000)
        {
            problems.Add($"pruneSamples = {c.PruneSamples} must be in [1, 1000]");
        }

        if (c.DeviceThreads is < 1 or > 1024 || c.EdgeThreads is < 1 or > 1024)
        {
            problems.Add(
                $"deviceThreads = {c.DeviceThreads} and edgeThreads = {c.EdgeThreads?.ToString(CultureInfo.InvariantCulture) ?? "null"} must be in [1, 1024]");
        }
    }

}
