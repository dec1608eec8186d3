using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Profiles;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>The <c>edge</c> section: discipline, cores, the slowdown curve (pairs or a profile's), power and the store.</summary>
public static partial class CellScenarioJson
{
    private static CellEdgeOptions ReadEdge(JsonSection edge, CellEdgeOptions d, ScenarioFileReferences files)
    {
        var options = d with
        {
            Discipline = edge.Choice("discipline", Disciplines) ?? d.Discipline,
            Cores = edge.Int32("cores") ?? d.Cores,
            ServiceTimes = edge.Choice("serviceTimes", ServiceTimeNames) ?? d.ServiceTimes,
            ServiceVariation = edge.Number("serviceVariation") ?? d.ServiceVariation,
            Slowdown = ReadSlowdown(edge, "slowdown") ?? d.Slowdown,
            ComputePower = edge.Quantity("computePowerWatts", v => new Watts(v)) ?? d.ComputePower,
            Store = Section(edge, "store", d.Store, ReadStore),
        };
        if (edge.Section("slowdownProfile") is not { } reference)
        {
            return options;
        }

        if (edge.Element("slowdown") is not null)
        {
            edge.Problem("slowdownProfile", "and slowdown are both given; give one");
        }

        var path = reference.String("path");
        var model = reference.String("model");
        var variant = reference.String("variant") ?? ProfiledModel.FullVariant;
        Require(reference, "path", "the profile file, relative to the scenario file");
        Require(reference, "model", "the model whose edge curve gives the slowdown");
        var profile = path is null ? null : files.Profile(reference, "path", path);
        reference.Finish();
        if (profile is null || model is null)
        {
            return options;
        }

        try
        {
            return options with { Slowdown = ProfileVariants.Slowdown(profile, model, variant) };
        }
        catch (EdgeInferInputException ex)
        {
            reference.Problem("model", $"= \"{model}\", variant \"{variant}\": {ex.Message.TrimEnd('.')}");
            return options;
        }
    }

    /// <summary>Pairs <c>[load, factor]</c>: load a whole number ≥ 0, factor a number; null when absent or wrong.</summary>
    private static List<(int Load, double Factor)>? ReadSlowdown(JsonSection edge, string name)
    {
        if (edge.Element(name) is not { } array)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            edge.Problem(name, $"must be an array of [load, factor] pairs, got {JsonSection.Kind(array)}");
            return null;
        }

        var pairs = new List<(int Load, double Factor)>();
        var index = 0;
        foreach (var pair in array.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                edge.Problem($"{name}[{index}]", $"must be a pair [load, factor], got {JsonSection.Kind(pair)}");
            }
            else if (pair[0].ValueKind != JsonValueKind.Number || !pair[0].TryGetInt32(out var load) || load < 0)
            {
                edge.Problem($"{name}[{index}][0]", $"= {pair[0].GetRawText()} must be a load: a whole number ≥ 0");
            }
            else if (pair[1].ValueKind != JsonValueKind.Number || !pair[1].TryGetDouble(out var factor) || !double.IsFinite(factor))
            {
                edge.Problem($"{name}[{index}][1]", $"= {pair[1].GetRawText()} must be a factor: a finite number");
            }
            else
            {
                pairs.Add((load, factor));
            }

            index++;
        }

        return pairs.Count == index ? pairs : null;
    }

    private static StoreOptions ReadStore(JsonSection store, StoreOptions d) => d with
    {
        Capacity = Size(store, "capacityBytes") ?? d.Capacity,
        Preload = store.Choice("preload", Preloads) ?? d.Preload,
    };
}
