using System.CommandLine;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Core.Scenarios;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// The radio flags shared by <c>channel</c> and <c>plan</c>: each overrides one <see cref="RadioOptions"/> value
/// (and, in <c>plan</c>, the scenario file's). Unset flags leave the value alone.
/// </summary>
internal sealed class RadioFlags
{
    private readonly List<(Option<double?> Option, string Field, Func<RadioOptions, double, RadioOptions> Apply)> numbers = [];

    public RadioFlags()
    {
        Number("--distance", "distanceMeters", "Horizontal BS–UE distance d2D in metres, 10–5000 (default 100).",
            (r, v) => r with { Distance = new Meters(v) });
        Number("--frequency-ghz", "carrierFrequencyGhz", "Carrier frequency in GHz, 0.5–100 (default 3.5).",
            (r, v) => r with { CarrierFrequency = new Hertz(v * 1e9) });
        Number("--bandwidth-mhz", "bandwidthMhz", "Bandwidth in MHz (default 100).", (r, v) => r with { Bandwidth = new Hertz(v * 1e6) });
        Number("--bs-power-dbm", "baseStationTxPowerDbm", "BS transmit power in dBm (default 23).",
            (r, v) => r with { BaseStationTxPower = new DecibelMilliwatts(v) });
        Number("--ue-power-dbm", "deviceTxPowerDbm", "UE transmit power in dBm (default 10).", (r, v) => r with { DeviceTxPower = new DecibelMilliwatts(v) });
        Number("--bs-elements", "baseStationAntennaElements", "Antenna elements at the BS (default 16).",
            (r, v) => r with { BaseStationAntennaElements = Elements(v, "--bs-elements") });
        Number("--ue-elements", "deviceAntennaElements", "Antenna elements at the UE (default 16).",
            (r, v) => r with { DeviceAntennaElements = Elements(v, "--ue-elements") });
        Number("--element-gain-dbi", "elementGainDbi", "Gain of one antenna element in dBi (default 0).", (r, v) => r with { ElementGain = new Decibels(v) });
        Number("--bs-noise-figure-db", "baseStationNoiseFigureDb", "BS receiver noise figure in dB (default 5).",
            (r, v) => r with { BaseStationNoiseFigure = new Decibels(v) });
        Number("--ue-noise-figure-db", "deviceNoiseFigureDb", "UE receiver noise figure in dB (default 9).",
            (r, v) => r with { DeviceNoiseFigure = new Decibels(v) });
        Number("--bs-height", "baseStationHeightMeters", "BS antenna height in metres (default 10).", (r, v) => r with { BaseStationHeight = new Meters(v) });
        Number("--ue-height", "deviceHeightMeters", "UE antenna height in metres, 1.5–22.5 (default 1.5).", (r, v) => r with { DeviceHeight = new Meters(v) });
    }

    /// <summary><c>--condition los|nlos|expected</c>.</summary>
    public Option<string?> Condition { get; } = new("--condition")
    {
        Description = "Propagation condition: los, nlos or expected (LOS-probability-weighted rates). Default los.",
    };

    /// <summary>Adds every radio flag to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Condition);
        foreach (var (option, _, _) in numbers)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Applies the flags given on the command line to <paramref name="options"/>.</summary>
    /// <exception cref="UsageException">A flag value no quantity accepts (negative, unknown condition).</exception>
    public RadioOptions Apply(ParseResult parse, RadioOptions options)
    {
        if (parse.GetValue(Condition) is { } text)
        {
            options = ScenarioJson.ConditionNames.TryGetValue(text.ToLowerInvariant(), out var condition)
                ? options with { Condition = condition }
                : throw new UsageException($"--condition '{text}' is not one of {string.Join(", ", ScenarioJson.ConditionNames.Keys)}.");
        }

        foreach (var (option, _, apply) in numbers)
        {
            if (parse.GetValue(option) is { } value)
            {
                try
                {
                    options = apply(options, value);
                }
                catch (ArgumentOutOfRangeException)
                {
                    throw new UsageException($"{option.Name} {value} must be a finite, non-negative number.");
                }
            }
        }

        return options;
    }

    /// <summary>Validates <paramref name="options"/>, naming the flags (not the JSON fields) in the one message.</summary>
    public RadioOptions ValidateAsFlags(RadioOptions options)
    {
        var problems = options.Problems();
        if (problems.Count == 0)
        {
            return options;
        }

        var named = problems.Select(p =>
        {
            var field = p.Split(' ', 2)[0];
            var flag = numbers.FirstOrDefault(n => n.Field == field).Option?.Name ?? (field == "condition" ? "--condition" : field);
            return flag + p[field.Length..];
        });
        throw new UsageException(string.Join("; ", named) + ".");
    }

    private void Number(string name, string field, string description, Func<RadioOptions, double, RadioOptions> apply) =>
        numbers.Add((new Option<double?>(name) { Description = description }, field, apply));

    private static int Elements(double value, string flag) =>
        value is >= 1 and <= 65536 && Math.Floor(value) == value
            ? (int)value
            : throw new UsageException($"{flag} {value} must be a whole number between 1 and 65536.");
}
