using System.Text.Json;
using EdgeInfer.Core.Radio;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Config;

/// <summary>
/// Writes a <see cref="StudyConfig"/> in the config file format, every field explicit, so a run's config (in
/// <c>run.json</c>) can be fed back with <c>--config</c> and parses to the same values.
/// </summary>
public static class StudyConfigWriter
{
    /// <summary>Writes <paramref name="config"/> as one JSON object to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, StudyConfig config)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(config);
        writer.WriteStartObject();
        Strings(writer, "models", config.Models);
        if (config.AccuracyModel is null)
        {
            writer.WriteNull("accuracyModel");
        }
        else
        {
            writer.WriteString("accuracyModel", config.AccuracyModel);
        }

        writer.WriteNumber("accuracyImages", config.AccuracyImages);
        Strings(writer, "accuracyMethods", config.AccuracyMethods.Select(m => m.Name()));
        if (config.MaxTop1LossPoints is { } loss)
        {
            writer.WriteNumber("maxTop1LossPoints", loss);
        }
        else
        {
            writer.WriteNull("maxTop1LossPoints");
        }

        Numbers(writer, "pruningFactors", config.PruningFactors.Select(pf => pf.Value));
        writer.WriteNumber("comparisonPruningFactor", config.ComparisonPruningFactor.Value);
        if (config.ComparisonMacsBudget is { } budget)
        {
            writer.WriteNumber("comparisonMacsBudget", budget.KeptFraction);
        }

        writer.WriteString("pruningMethod", config.ComparisonVariant("model").Kind);
        writer.WriteNumber("calibrationImages", config.CalibrationImages);
        writer.WriteNumber("timingCalibrationImages", config.TimingCalibrationImages);
        writer.WriteString("pruneTiming", config.PruneTiming.ToString().ToLowerInvariant());
        Numbers(writer, "edgeLoads", config.EdgeLoads.Select(l => (double)l));
        writer.WriteNumber("plotMaxLoad", config.PlotMaxLoad);
        writer.WriteNumber("maxRequests", config.MaxRequests);
        if (config.LoadModel is null)
        {
            writer.WriteNull("loadModel");
        }
        else
        {
            writer.WriteString("loadModel", config.LoadModel);
        }

        writer.WriteNumber("samples", config.Samples);
        writer.WriteNumber("warmupRuns", config.WarmupRuns);
        writer.WriteNumber("pruneSamples", config.PruneSamples);
        writer.WriteNumber("deviceThreads", config.DeviceThreads);
        if (config.EdgeThreads is { } edgeThreads)
        {
            writer.WriteNumber("edgeThreads", edgeThreads);
        }

        Numbers(writer, "batteriesWattHours", config.Batteries.Select(b => b.Value));
        WriteScenario(writer, config.Scenario);
        writer.WriteEndObject();
    }

    /// <summary>The config as indented JSON text.</summary>
    public static string ToJson(StudyConfig config)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps kinds readable ("channel-ls+int8", not "channel-ls\u002Bint8"); the text is a file, not HTML.
        var options = new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            Write(writer, config);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteScenario(Utf8JsonWriter w, Core.Planning.PlanningScenario s)
    {
        w.WriteStartObject("scenario");
        var r = s.Radio;
        w.WriteStartObject("radio");
        w.WriteNumber("distanceMeters", r.Distance.Value);
        w.WriteString("condition", r.Condition switch { ChannelCondition.Los => "los", ChannelCondition.Nlos => "nlos", _ => "expected" });
        w.WriteNumber("carrierFrequencyGhz", r.CarrierFrequency.Value / 1e9);
        w.WriteNumber("bandwidthMhz", r.Bandwidth.Value / 1e6);
        w.WriteNumber("baseStationTxPowerDbm", r.BaseStationTxPower.Value);
        w.WriteNumber("deviceTxPowerDbm", r.DeviceTxPower.Value);
        w.WriteNumber("baseStationAntennaElements", r.BaseStationAntennaElements);
        w.WriteNumber("deviceAntennaElements", r.DeviceAntennaElements);
        w.WriteNumber("elementGainDbi", r.ElementGain.Value);
        w.WriteNumber("baseStationNoiseFigureDb", r.BaseStationNoiseFigure.Value);
        w.WriteNumber("deviceNoiseFigureDb", r.DeviceNoiseFigure.Value);
        w.WriteNumber("baseStationHeightMeters", r.BaseStationHeight.Value);
        w.WriteNumber("deviceHeightMeters", r.DeviceHeight.Value);
        w.WriteEndObject();
        var d = s.Device;
        w.WriteStartObject("device");
        if (d.Battery is { } battery)
        {
            w.WriteNumber("batteryWattHours", battery.Value);
        }

        w.WriteNumber("txPowerWatts", d.TxPower.Value);
        w.WriteNumber("rxPowerWatts", d.RxPower.Value);
        w.WriteNumber("basebandPowerWatts", d.BasebandPower.Value);
        w.WriteNumber("computePowerWatts", d.ComputePower.Value);
        w.WriteEndObject();
        w.WriteStartObject("edge");
        w.WriteNumber("computePowerWatts", s.Edge.ComputePower.Value);
        w.WriteEndObject();
        w.WriteStartObject("workload");
        w.WriteNumber("inputBytes", s.Workload.InputSize.Value);
        w.WriteNumber("resultBytes", s.Workload.ResultSize.Value);
        w.WriteNumber("requestBytes", s.Workload.RequestSize.Value);
        w.WriteEndObject();
        w.WriteString("objective", s.Objective.ToString().ToLowerInvariant());
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
