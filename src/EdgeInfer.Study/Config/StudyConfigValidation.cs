using System.Globalization;
using EdgeInfer.Models.Catalog;

namespace EdgeInfer.Study.Config;

/// <summary>The checks behind <see cref="StudyConfig.Problems"/>.</summary>
internal static class StudyConfigValidation
{
    /// <summary>The accepted pruning method names.</summary>
    public static readonly string[] Methods = ["global", "layer", "channel"];

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

        if (c.PruningFactors.Count == 0 || c.PruningFactors.Any(pf => !double.IsFinite(pf) || pf is < 0 or > 0.99))
        {
            problems.Add($"pruningFactors [{Join(c.PruningFactors)}] must be one or more values in [0, 0.99]");
        }

        if (c.PruningFactors.Distinct().Count() != c.PruningFactors.Count)
        {
            problems.Add($"pruningFactors [{Join(c.PruningFactors)}] repeat a value");
        }

        if (!double.IsFinite(c.ComparisonPruningFactor) || c.ComparisonPruningFactor is <= 0 or > 0.99)
        {
            problems.Add($"comparisonPruningFactor = {F(c.ComparisonPruningFactor)} must be in (0, 0.99]");
        }

        if (!Methods.Contains(c.PruningMethod))
        {
            problems.Add($"pruningMethod = \"{c.PruningMethod}\" is not one of {string.Join(", ", Methods)}");
        }

        foreach (var method in c.AccuracyMethods.Where(m => !Methods.Contains(m)))
        {
            problems.Add($"accuracyMethods: \"{method}\" is not one of {string.Join(", ", Methods)}");
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

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(F));

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
