using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Core.Scenarios;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>The sections about places and devices: <c>cells</c>, <c>radio</c>, <c>devices</c>, <c>devicePower</c>, <c>messages</c>.</summary>
public static partial class CellScenarioJson
{
    /// <summary>A cell; its name defaults to <c>cell-i</c> (the record's <c>cell-0</c> for the first) so that unnamed cells stay distinct.</summary>
    private static CellSite ReadCell(JsonSection cell, int index)
    {
        var d = new CellSite();
        return d with
        {
            Name = cell.String("name") ?? $"cell-{index}",
            XMeters = cell.Number("xMeters") ?? d.XMeters,
            YMeters = cell.Number("yMeters") ?? d.YMeters,
        };
    }

    /// <summary>Core's radio section; only the distance is not the file's to give (each device has its own).</summary>
    private static RadioOptions ReadRadio(JsonSection radio, RadioOptions defaults)
    {
        if (radio.Element("distanceMeters") is not null)
        {
            radio.Problem("distanceMeters", "does not apply to a cell scenario: each device's distance to its serving cell is used");
        }

        return ScenarioJson.ReadRadio(radio, defaults);
    }

    private static DeviceLayout ReadDevices(JsonSection devices, DeviceLayout d, ScenarioFileReferences files)
    {
        var layout = d with
        {
            Placement = devices.Choice("placement", Placements) ?? d.Placement,
            Count = devices.Int32("count") ?? d.Count,
            InnerRadiusMeters = devices.Number("innerRadiusMeters") ?? d.InnerRadiusMeters,
            OuterRadiusMeters = devices.Number("outerRadiusMeters") ?? d.OuterRadiusMeters,
            GridSpacingMeters = devices.Number("gridSpacingMeters") ?? d.GridSpacingMeters,
            Mobility = devices.Section("mobility") is { } mobility ? Finished(mobility, ReadMobility(mobility)) : d.Mobility,
        };
        var trace = devices.String("trace");
        if (layout.Placement != DevicePlacement.Trace)
        {
            if (trace is not null)
            {
                devices.Problem("trace", "applies to placement \"trace\" only");
            }

            return layout;
        }

        if (devices.Element("count") is not null)
        {
            devices.Problem("count", "does not apply to placement \"trace\": the trace has one device per row");
        }

        if (!Require(devices, "trace", $"placement \"trace\" reads the positions from a CSV file of {TraceCsv.PositionsHeader}") || trace is null)
        {
            return layout;
        }

        var text = files.Text(devices, "trace", trace);
        if (text is null)
        {
            return layout;
        }

        var problems = new List<string>();
        var positions = TraceCsv.Positions(text, problems);
        foreach (var problem in problems)
        {
            devices.Problem("trace", $"= \"{trace}\" {problem}");
        }

        return layout with { Trace = positions };
    }

    private static MobilityOptions ReadMobility(JsonSection mobility)
    {
        var d = new MobilityOptions();
        return d with
        {
            MinSpeedMetersPerSecond = mobility.Number("minSpeedMetersPerSecond") ?? d.MinSpeedMetersPerSecond,
            MaxSpeedMetersPerSecond = mobility.Number("maxSpeedMetersPerSecond") ?? d.MaxSpeedMetersPerSecond,
            PauseSeconds = mobility.Number("pauseSeconds") ?? d.PauseSeconds,
        };
    }

    /// <summary>As Core's <c>device</c> section, without the battery (each application class has its own, <c>batteryWh</c>).</summary>
    private static DeviceProfile ReadDevicePower(JsonSection power, DeviceProfile d) => d with
    {
        TxPower = power.Quantity("txPowerWatts", v => new Watts(v)) ?? d.TxPower,
        RxPower = power.Quantity("rxPowerWatts", v => new Watts(v)) ?? d.RxPower,
        BasebandPower = power.Quantity("basebandPowerWatts", v => new Watts(v)) ?? d.BasebandPower,
        ComputePower = power.Quantity("computePowerWatts", v => new Watts(v)) ?? d.ComputePower,
    };

    private static MessageSizes ReadMessages(JsonSection messages, MessageSizes d) => d with
    {
        Input = Size(messages, "inputBytes") ?? d.Input,
        Result = Size(messages, "resultBytes") ?? d.Result,
        Request = Size(messages, "requestBytes") ?? d.Request,
    };

    private static Bytes? Size(JsonSection section, string name) => section.NonNegativeInteger(name) is { } bytes ? new Bytes(bytes) : null;

    /// <summary><paramref name="value"/>, after checking <paramref name="section"/> for unknown fields.</summary>
    private static T Finished<T>(JsonSection section, T value)
    {
        section.Finish();
        return value;
    }
}
