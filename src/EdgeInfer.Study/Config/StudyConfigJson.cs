using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Config;

/// <summary>
/// Reads a study config (JSON, comments allowed) over a base config (a preset): every omitted field keeps the base value.
/// Unknown or duplicated fields and wrong types are errors naming their field, all in one <see cref="EdgeInferInputException"/>.
/// The <c>scenario</c> section is the scenario file format (<c>radio</c>, <c>device</c>, <c>edge</c>, <c>workload</c>) read by
/// <see cref="ScenarioJson"/>; its <c>model</c>, <c>edge.load</c>, <c>workload.requests</c> and <c>constraints</c> are set by the
/// study itself and rejected here.
/// </summary>
public static class StudyConfigJson
{
    /// <summary>The JSON names of <see cref="Config.PruneTiming"/>.</summary>
    private static readonly Dictionary<string, PruneTiming> PruneTimings = new(StringComparer.Ordinal)
    {
        ["auto"] = PruneTiming.Auto,
        ["measured"] = PruneTiming.Measured,
        ["derived"] = PruneTiming.Derived,
    };

    /// <summary>Parses <paramref name="json"/> over <paramref name="baseConfig"/> and validates the result.</summary>
    public static StudyConfig Parse(string json, StudyConfig baseConfig)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseConfig);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"the study config is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EdgeInferInputException(
                    $"the study config must be a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            var problems = new List<string>();
            var root = JsonSection.Root(document.RootElement, problems);
            var c = baseConfig;
            c = c with
            {
                Models = root.Strings("models") ?? c.Models,
                AccuracyModel = root.IsExplicitNull("accuracyModel") ? null : root.String("accuracyModel") ?? c.AccuracyModel,
                AccuracyImages = root.Int32("accuracyImages") ?? c.AccuracyImages,
                AccuracyMethods = Methods(root, "accuracyMethods") ?? c.AccuracyMethods,
                MaxTop1LossPoints = root.IsExplicitNull("maxTop1LossPoints") ? null : root.Number("maxTop1LossPoints") ?? c.MaxTop1LossPoints,
                PruningFactors = Factors(root, "pruningFactors") ?? c.PruningFactors,
                ComparisonPruningFactor = Factor(root, "comparisonPruningFactor") ?? c.ComparisonPruningFactor,
                ComparisonMacsBudget = root.IsExplicitNull("comparisonMacsBudget") ? null : Budget(root, "comparisonMacsBudget") ?? c.ComparisonMacsBudget,
                CalibrationImages = root.Int32("calibrationImages") ?? c.CalibrationImages,
                TimingCalibrationImages = root.Int32("timingCalibrationImages") ?? c.TimingCalibrationImages,
                PruneTiming = root.Choice("pruneTiming", PruneTimings) ?? c.PruneTiming,
                EdgeLoads = root.Int32s("edgeLoads") ?? c.EdgeLoads,
                PlotMaxLoad = root.Int32("plotMaxLoad") ?? c.PlotMaxLoad,
                MaxRequests = root.Int32("maxRequests") ?? c.MaxRequests,
                LoadModel = root.IsExplicitNull("loadModel") ? null : root.String("loadModel") ?? c.LoadModel,
                Samples = root.Int32("samples") ?? c.Samples,
                WarmupRuns = root.Int32("warmupRuns") ?? c.WarmupRuns,
                PruneSamples = root.Int32("pruneSamples") ?? c.PruneSamples,
                DeviceThreads = root.Int32("deviceThreads") ?? c.DeviceThreads,
                EdgeThreads = root.Int32("edgeThreads") ?? c.EdgeThreads,
                Batteries = root.Numbers("batteriesWattHours")?.Select(Battery).ToArray() ?? c.Batteries,
            };

            if (Kind(root, "pruningMethod") is { } kind)
            {
                c = c with { PruningMethod = kind.Method, ComparisonPrecision = kind.Precision };
            }

            if (root.Element("scenario") is { } scenario)
            {
                c = c with { Scenario = ReadScenario(scenario, problems) ?? c.Scenario };
            }

            root.Finish();

            // One message for everything: what the reader rejected and what the values read break.
            problems.AddRange(c.Problems());
            return problems.Count == 0 ? c : throw new EdgeInferInputException("Invalid study config: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>The comparisons' kind (<c>channel-ls</c>, <c>channel-ls+int8</c>): a pruning method, optionally quantized.</summary>
    private static (PruningMethod Method, Precision Precision)? Kind(JsonSection root, string name)
    {
        if (root.String(name) is not { } text)
        {
            return null;
        }

        // Any case, as the config's other choices; the variant identity parses kinds.
        if (!ModelVariant.TryParseKind(text, out var method, out var precision))
        {
            root.Problem(name, $"= \"{text}\" is not one of {string.Join(", ", ModelVariant.KindNames)}");
            return null;
        }

        if (method is not { } m)
        {
            root.Problem(name, $"= \"{text}\" quantizes without pruning; the comparisons need a pruned variant (e.g. channel-ls+int8)");
            return null;
        }

        return (m, precision);
    }

    private static MacsBudget? Budget(JsonSection root, string name)
    {
        if (root.Number(name) is not { } value)
        {
            return null;
        }

        if (!MacsBudget.TryOf(value, out var budget))
        {
            root.Problem(name, $"= {value} is not a fraction of the MACs in {MacsBudget.RangeText} with at most two decimals");
            return null;
        }

        return budget;
    }

    private static List<PruningMethod>? Methods(JsonSection root, string name)
    {
        if (root.Strings(name) is not { } names)
        {
            return null;
        }

        var methods = new List<PruningMethod>();
        foreach (var text in names)
        {
            if (PruningMethods.TryParse(text, out var method))
            {
                methods.Add(method);
            }
            else
            {
                root.Problem(name, $"\"{text}\" is not one of {string.Join(", ", PruningMethods.Names)}");
            }
        }

        return methods.Count == names.Count ? methods : null;
    }

    private static PruningFactor? Factor(JsonSection root, string name)
    {
        if (root.Number(name) is not { } value)
        {
            return null;
        }

        if (PruningFactor.Problem(value) is { } problem)
        {
            root.Problem(name, "= " + problem);
            return null;
        }

        return PruningFactor.Of(value);
    }

    private static IReadOnlyList<PruningFactor>? Factors(JsonSection root, string name)
    {
        if (root.Numbers(name) is not { } values)
        {
            return null;
        }

        foreach (var problem in values.Select(PruningFactor.Problem).OfType<string>())
        {
            root.Problem(name, "item " + problem);
        }

        return values.All(v => PruningFactor.Problem(v) is null) ? [.. values.Select(PruningFactor.Of)] : null;
    }

    private static WattHours Battery(double value) => value > 0 ? new WattHours(value) : new WattHours(0);

    private static Core.Planning.PlanningScenario? ReadScenario(JsonElement scenario, List<string> problems)
    {
        if (scenario.ValueKind != JsonValueKind.Object)
        {
            problems.Add("scenario must be a JSON object");
            return null;
        }

        foreach (var (section, field) in new[] { ("model", (string?)null), ("constraints", null), ("edge", "load"), ("workload", "requests") })
        {
            if (!scenario.TryGetProperty(section, out var value))
            {
                continue;
            }

            if (field is null)
            {
                problems.Add($"scenario.{section} is set by the study (the measured models), not by the config");
            }
            else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(field, out _))
            {
                problems.Add($"scenario.{section}.{field} is varied by the study, not set by the config");
            }
        }

        try
        {
            return ScenarioJson.Parse(scenario.GetRawText());
        }
        catch (EdgeInferInputException ex)
        {
            problems.Add("scenario: " + ex.Message.TrimEnd('.'));
            return null;
        }
    }
}
