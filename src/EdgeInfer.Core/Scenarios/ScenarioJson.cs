using System.Text.Json;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Scenarios;

/// <summary>
/// Reads the scenario file format of issue 2 (see <c>examples/scenario.json</c> and <c>docs/cost-model.md</c>).
/// Every omitted field keeps its default; unknown or duplicated fields, wrong types and negative values are errors
/// naming their JSON path, all reported in one <see cref="EdgeInferInputException"/>. Range checks
/// (distance, heights, accuracies) happen in <see cref="PlanningScenario.ToInputs"/>, after any command-line overrides.
/// The session-open terms were once named after "load" (which now means background tasks only):
/// <c>overheads.edgeModelLoadSeconds</c> and <c>model.&lt;variant&gt;.deviceLoadSeconds</c> are still read, as
/// <c>edgeSessionOpenSeconds</c> and <c>deviceSessionOpenSeconds</c>, so that older scenario files keep working.
/// </summary>
public static class ScenarioJson
{
    private static readonly Dictionary<string, ChannelCondition> Conditions = new(StringComparer.Ordinal)
    {
        ["los"] = ChannelCondition.Los,
        ["nlos"] = ChannelCondition.Nlos,
        ["expected"] = ChannelCondition.Expected,
    };

    private static readonly Dictionary<string, Objective> Objectives = new(StringComparer.Ordinal)
    {
        ["latency"] = Objective.Latency,
        ["energy"] = Objective.Energy,
        ["data"] = Objective.Data,
    };

    /// <summary>The accepted <c>radio.condition</c> names.</summary>
    public static IReadOnlyDictionary<string, ChannelCondition> ConditionNames => Conditions;

    /// <summary>The accepted <c>objective</c> names.</summary>
    public static IReadOnlyDictionary<string, Objective> ObjectiveNames => Objectives;

    /// <summary>Parses scenario JSON text (comments allowed) into a scenario with defaults for what is omitted.</summary>
    /// <exception cref="EdgeInferInputException">Empty text, not JSON, not an object, or any field problem (all listed).</exception>
    public static PlanningScenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new EdgeInferInputException("the scenario is empty; expected a JSON object such as {\"workload\": {\"requests\": 50}}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"the scenario is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EdgeInferInputException($"the scenario must be a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }

            var problems = new List<string>();
            var root = JsonSection.Root(document.RootElement, problems);
            var scenario = Read(root);
            root.Finish();
            return problems.Count == 0 ? scenario : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
        }
    }

    private static PlanningScenario Read(JsonSection root)
    {
        var scenario = new PlanningScenario();
        scenario = scenario with
        {
            Radio = Section(root, "radio", scenario.Radio, ReadRadio),
            Device = Section(root, "device", scenario.Device, ReadDevice),
            Edge = Section(root, "edge", scenario.Edge, ReadEdge),
            Workload = Section(root, "workload", scenario.Workload, ReadWorkload),
            Model = Section(root, "model", scenario.Model, ReadModel),
            Overheads = Section(root, "overheads", scenario.Overheads, ReadOverheads),
            Constraints = Section(root, "constraints", scenario.Constraints, (constraints, _) => ReadConstraints(constraints)),
        };
        return scenario with { Objective = root.Choice("objective", Objectives) ?? scenario.Objective };
    }

    /// <summary>
    /// The section <paramref name="name"/> of <paramref name="root"/> read by <paramref name="read"/> over
    /// <paramref name="defaults"/> (then checked for unknown fields), or the defaults when the section is absent.
    /// </summary>
    private static T Section<T>(JsonSection root, string name, T defaults, Func<JsonSection, T, T> read)
    {
        if (root.Section(name) is not { } section)
        {
            return defaults;
        }

        var value = read(section, defaults);
        section.Finish();
        return value;
    }

    private static DeviceProfile ReadDevice(JsonSection device, DeviceProfile d) => d with
    {
        Battery = device.Quantity("batteryWattHours", v => new WattHours(v)) ?? d.Battery,
        TxPower = device.Quantity("txPowerWatts", v => new Watts(v)) ?? d.TxPower,
        RxPower = device.Quantity("rxPowerWatts", v => new Watts(v)) ?? d.RxPower,
        BasebandPower = device.Quantity("basebandPowerWatts", v => new Watts(v)) ?? d.BasebandPower,
        ComputePower = device.Quantity("computePowerWatts", v => new Watts(v)) ?? d.ComputePower,
    };

    private static EdgeProfile ReadEdge(JsonSection edge, EdgeProfile e)
    {
        var load = edge.Number("load");
        if (load < 0)
        {
            edge.Problem("load", $"= {load} must not be negative");
            load = null;
        }

        return e with { Load = load ?? e.Load, ComputePower = edge.Quantity("computePowerWatts", v => new Watts(v)) ?? e.ComputePower };
    }

    private static Workload ReadWorkload(JsonSection workload, Workload w) => w with
    {
        Requests = workload.Integer("requests") ?? w.Requests,
        InputSize = Size(workload, "inputBytes") ?? w.InputSize,
        ResultSize = Size(workload, "resultBytes") ?? w.ResultSize,
        RequestSize = Size(workload, "requestBytes") ?? w.RequestSize,
    };

    private static ModelProfile ReadModel(JsonSection model, ModelProfile m) => m with
    {
        Name = model.String("name") ?? m.Name,
        Full = Variant(model.Section("full"), m.Full),
        Pruned = Variant(model.Section("pruned"), m.Pruned),
    };

    /// <summary>
    /// The fields of an <c>overheads</c> section over <paramref name="o"/>; the caller calls <see cref="JsonSection.Finish"/>.
    /// Shared with the cell simulation's scenario format.
    /// </summary>
    public static ProtocolOverheads ReadOverheads(JsonSection overheads, ProtocolOverheads o) => new()
    {
        Request = overheads.Quantity("requestSeconds", v => new Seconds(v)) ?? o.Request,
        Download = overheads.Quantity("downloadSeconds", v => new Seconds(v)) ?? o.Download,
        EdgeSessionOpen = Duration(overheads, "edgeSessionOpenSeconds", "edgeModelLoadSeconds") ?? o.EdgeSessionOpen,
    };

    /// <summary>Constraints are replaced as a whole: an omitted field means no constraint, whatever the defaults.</summary>
    private static PlanningConstraints ReadConstraints(JsonSection constraints) => new()
    {
        MinTop1 = constraints.Number("minTop1"),
        MinTop5 = constraints.Number("minTop5"),
        MaxCycleDelay = constraints.Quantity("maxCycleDelaySeconds", v => new Seconds(v)),
    };

    /// <summary>
    /// The fields of a <c>radio</c> section over <paramref name="defaults"/> (an absent field keeps its default); the
    /// caller calls <see cref="JsonSection.Finish"/>. Shared by every scenario format with a radio section (the cell
    /// simulation's too), so that the radio reads the same everywhere.
    /// </summary>
    public static RadioOptions ReadRadio(JsonSection radio, RadioOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(radio);
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            Distance = radio.Quantity("distanceMeters", v => new Meters(v)) ?? defaults.Distance,
            Condition = radio.Choice("condition", Conditions) ?? defaults.Condition,
            CarrierFrequency = radio.Quantity("carrierFrequencyGhz", v => new Hertz(v * 1e9)) ?? defaults.CarrierFrequency,
            Bandwidth = radio.Quantity("bandwidthMhz", v => new Hertz(v * 1e6)) ?? defaults.Bandwidth,
            BaseStationTxPower = radio.Quantity("baseStationTxPowerDbm", v => new DecibelMilliwatts(v)) ?? defaults.BaseStationTxPower,
            DeviceTxPower = radio.Quantity("deviceTxPowerDbm", v => new DecibelMilliwatts(v)) ?? defaults.DeviceTxPower,
            BaseStationAntennaElements = Elements(radio, "baseStationAntennaElements") ?? defaults.BaseStationAntennaElements,
            DeviceAntennaElements = Elements(radio, "deviceAntennaElements") ?? defaults.DeviceAntennaElements,
            ElementGain = radio.Quantity("elementGainDbi", v => new Decibels(v)) ?? defaults.ElementGain,
            BaseStationNoiseFigure = radio.Quantity("baseStationNoiseFigureDb", v => new Decibels(v)) ?? defaults.BaseStationNoiseFigure,
            DeviceNoiseFigure = radio.Quantity("deviceNoiseFigureDb", v => new Decibels(v)) ?? defaults.DeviceNoiseFigure,
            BaseStationHeight = radio.Quantity("baseStationHeightMeters", v => new Meters(v)) ?? defaults.BaseStationHeight,
            DeviceHeight = radio.Quantity("deviceHeightMeters", v => new Meters(v)) ?? defaults.DeviceHeight,
        };
    }

    private static ModelVariantCosts Variant(JsonSection? section, ModelVariantCosts defaults)
    {
        if (section is null)
        {
            return defaults;
        }

        var variant = defaults with
        {
            Size = Size(section, "sizeBytes") ?? defaults.Size,
            DeviceInference = section.Quantity("deviceInferenceSeconds", v => new Seconds(v)) ?? defaults.DeviceInference,
            EdgeInference = section.Quantity("edgeInferenceSeconds", v => new Seconds(v)) ?? defaults.EdgeInference,
            Prune = section.Quantity("pruneSeconds", v => new Seconds(v)) ?? defaults.Prune,
            DeviceDecode = section.Quantity("deviceDecodeSeconds", v => new Seconds(v)) ?? defaults.DeviceDecode,
            DeviceSessionOpen = Duration(section, "deviceSessionOpenSeconds", "deviceLoadSeconds") ?? defaults.DeviceSessionOpen,
            Top1 = section.Number("top1") ?? defaults.Top1,
            Top5 = section.Number("top5") ?? defaults.Top5,
            Variant = section.String("variant") ?? defaults.Variant,
            PruningFactor = section.Number("pruningFactor") ?? defaults.PruningFactor,
        };
        section.Finish();
        return variant;
    }

    /// <summary>A duration read under its name, or else under the name older files used for it.</summary>
    private static Seconds? Duration(JsonSection section, string name, string oldName) =>
        section.Quantity(name, v => new Seconds(v)) ?? section.Quantity(oldName, v => new Seconds(v));

    private static Bytes? Size(JsonSection section, string name) => section.NonNegativeInteger(name) is { } bytes ? new Bytes(bytes) : null;

    private static int? Elements(JsonSection section, string name)
    {
        var value = section.Integer(name);
        if (value is < 1 or > 65536)
        {
            section.Problem(name, $"= {value} must be between 1 and 65536");
            return null;
        }

        return (int?)value;
    }
}
