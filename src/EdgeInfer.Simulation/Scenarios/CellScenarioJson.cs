using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Simulation.Policies;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// Reads the cell scenario file (<c>examples/cell.json</c>, <c>docs/simulation.md</c>) into a <see cref="CellScenario"/>,
/// as strictly as Core's <see cref="ScenarioJson"/> (over the same <see cref="JsonSection"/>; its <c>radio</c> section
/// is read by <see cref="ScenarioJson.ReadRadio"/>): every omitted field keeps the record's default; unknown or
/// duplicated fields, wrong kinds, negative quantities, unknown names and unreadable files are problems naming their JSON
/// path (e.g. <c>catalog.models[1].variants[0].sizeBytes</c>), all reported in one <see cref="EdgeInferInputException"/>.
/// A file that reads cleanly is then checked by <see cref="CellScenario.Validated"/> (ranges and consistency, again all
/// problems at once). Names are kebab case. Pure: files (profiles, CSV traces) come through an <see cref="IScenarioFiles"/>.
/// </summary>
public static partial class CellScenarioJson
{
    private static readonly Dictionary<string, RadioSharing> Sharings = new(StringComparer.Ordinal)
    {
        ["proportional-fair"] = RadioSharing.ProportionalFair,
        ["equal-rate"] = RadioSharing.EqualRate,
    };

    private static readonly Dictionary<string, DevicePlacement> Placements = new(StringComparer.Ordinal)
    {
        ["disc"] = DevicePlacement.Disc,
        ["annulus"] = DevicePlacement.Annulus,
        ["grid"] = DevicePlacement.Grid,
        ["trace"] = DevicePlacement.Trace,
    };

    private static readonly Dictionary<string, ArrivalKind> ArrivalKinds = new(StringComparer.Ordinal)
    {
        ["poisson"] = ArrivalKind.Poisson,
        ["on-off"] = ArrivalKind.OnOff,
        ["trace"] = ArrivalKind.Trace,
    };

    private static readonly Dictionary<string, EdgeDiscipline> Disciplines = new(StringComparer.Ordinal)
    {
        ["processor-sharing"] = EdgeDiscipline.ProcessorSharing,
        ["fcfs"] = EdgeDiscipline.Fcfs,
    };

    private static readonly Dictionary<string, ServiceTimes> ServiceTimeNames = new(StringComparer.Ordinal)
    {
        ["deterministic"] = ServiceTimes.Deterministic,
        ["exponential"] = ServiceTimes.Exponential,
        ["log-normal"] = ServiceTimes.LogNormal,
    };

    private static readonly Dictionary<string, StorePreload> Preloads = new(StringComparer.Ordinal)
    {
        ["none"] = StorePreload.None,
        ["popular"] = StorePreload.Popular,
        ["all"] = StorePreload.All,
    };

    /// <summary>The accepted <c>sharing</c> names.</summary>
    public static IReadOnlyDictionary<string, RadioSharing> SharingNames => Sharings;

    /// <summary>The accepted <c>devices.placement</c> names.</summary>
    public static IReadOnlyDictionary<string, DevicePlacement> PlacementNames => Placements;

    /// <summary>The accepted <c>applications[i].arrivals.kind</c> names.</summary>
    public static IReadOnlyDictionary<string, ArrivalKind> ArrivalKindNames => ArrivalKinds;

    /// <summary>The accepted <c>edge.discipline</c> names.</summary>
    public static IReadOnlyDictionary<string, EdgeDiscipline> DisciplineNames => Disciplines;

    /// <summary>The accepted <c>edge.store.preload</c> names.</summary>
    public static IReadOnlyDictionary<string, StorePreload> PreloadNames => Preloads;

    /// <summary>
    /// Parses cell scenario JSON text (comments allowed) into a validated scenario with defaults for what is omitted.
    /// </summary>
    /// <param name="json">The scenario file's text.</param>
    /// <param name="files">Reads the files the scenario names (paths as written in it); without one, any file reference is a problem.</param>
    /// <exception cref="EdgeInferInputException">Empty text, not JSON, not an object, or any problem (all listed).</exception>
    public static CellScenario Parse(string json, IScenarioFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new EdgeInferInputException("The cell scenario is empty; expected a JSON object such as {\"durationSeconds\": 300}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"The cell scenario is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EdgeInferInputException(
                    $"The cell scenario must be a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            var problems = new List<string>();
            var root = JsonSection.Root(document.RootElement, problems);
            var scenario = Read(root, new ScenarioFileReferences(files));
            root.Finish();
            return problems.Count == 0
                ? scenario.Validated()
                : throw new EdgeInferInputException("Invalid cell scenario: " + string.Join("; ", problems) + ".");
        }
    }

    private static CellScenario Read(JsonSection root, ScenarioFileReferences files)
    {
        var d = new CellScenario();
        return d with
        {
            Cells = Objects(root, "cells", ReadCell) ?? d.Cells,
            Radio = Section(root, "radio", d.Radio, ReadRadio),
            Sharing = root.Choice("sharing", Sharings) ?? d.Sharing,
            Devices = Section(root, "devices", d.Devices, (s, defaults) => ReadDevices(s, defaults, files)),
            DevicePower = Section(root, "devicePower", d.DevicePower, ReadDevicePower),
            Messages = Section(root, "messages", d.Messages, ReadMessages),
            Overheads = Section(root, "overheads", d.Overheads, ScenarioJson.ReadOverheads),
            Applications = Objects(root, "applications", (s, _) => ReadApplication(s, files)) ?? d.Applications,
            Catalog = Section(root, "catalog", d.Catalog, (s, defaults) => ReadCatalog(s, defaults, files)),
            Edge = Section(root, "edge", d.Edge, (s, defaults) => ReadEdge(s, defaults, files)),
            Policies = Names(root, "policies", PlacementPolicies.Names, "placement policy") ?? d.Policies,
            Evictions = Names(root, "evictions", EvictionNames.ByName.Keys, "eviction policy")?.Select(n => EvictionNames.ByName[n]).ToList()
                ?? d.Evictions,
            Objective = root.Choice("objective", ScenarioJson.ObjectiveNames) ?? d.Objective,
            ThresholdJobs = root.Int32("thresholdJobs") ?? d.ThresholdJobs,
            Duration = root.Quantity("durationSeconds", v => new Seconds(v)) ?? d.Duration,
            Warmup = root.Quantity("warmupSeconds", v => new Seconds(v)) ?? d.Warmup,
        };
    }

    /// <summary>
    /// A list of names from <paramref name="known"/> (case-insensitive, returned in lower case), or null when absent or
    /// wrong; an unknown name is a problem listing the known ones, a repeated one a problem too.
    /// </summary>
    private static List<string>? Names(JsonSection section, string name, IEnumerable<string> known, string what)
    {
        if (section.Strings(name) is not { } given)
        {
            return null;
        }

        var names = given.Select(n => n.ToLowerInvariant()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            if (!known.Contains(names[i], StringComparer.Ordinal))
            {
                section.Problem($"{name}[{i}]", $"= \"{given[i]}\" is not a known {what} (known: {string.Join(", ", known)})");
                ok = false;
            }
            else if (!seen.Add(names[i]))
            {
                section.Problem($"{name}[{i}]", $"= \"{given[i]}\" is listed twice");
                ok = false;
            }
        }

        return ok ? names : null;
    }
}
