using System.Globalization;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// The CSV traces a cell scenario may name: device positions (<c>x_m,y_m</c>) and request arrivals (<c>seconds,device</c>).
/// A header line with exactly those column names comes first; then one row per line, two comma-separated values; blank
/// lines are skipped. Pure: text in, rows and problems (each with its 1-based line number) out.
/// </summary>
internal static class TraceCsv
{
    /// <summary>The header of a positions trace.</summary>
    public const string PositionsHeader = "x_m,y_m";

    /// <summary>The header of an arrivals trace.</summary>
    public const string ArrivalsHeader = "seconds,device";

    /// <summary>Reports at most this many bad lines, then how many more there are.</summary>
    private const int MaxReportedLines = 5;

    /// <summary>Positions (x, y) in metres, one per device; any finite numbers.</summary>
    public static List<(double XMeters, double YMeters)> Positions(string text, List<string> problems) =>
        Read<(double XMeters, double YMeters)>(text, PositionsHeader, problems, (x, y) =>
        {
            if (Number(x) is not { } xMeters)
            {
                return (default, $"x_m = \"{x}\" is not a finite number");
            }

            return Number(y) is { } yMeters ? ((xMeters, yMeters), null) : (default, $"y_m = \"{y}\" is not a finite number");
        });

    /// <summary>Arrivals (seconds from the start ≥ 0, index ≥ 0 of the device within its application class).</summary>
    public static List<(double Seconds, int Device)> Arrivals(string text, List<string> problems) =>
        Read<(double Seconds, int Device)>(text, ArrivalsHeader, problems, (time, device) =>
        {
            if (Number(time) is not { } seconds || seconds < 0)
            {
                return (default, $"seconds = \"{time}\" is not a finite number ≥ 0");
            }

            return int.TryParse(device, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? ((seconds, index), null)
                : (default, $"device = \"{device}\" is not a whole number ≥ 0");
        });

    private static List<T> Read<T>(string text, string header, List<string> problems, Func<string, string, (T Row, string? Problem)> parse)
    {
        var rows = new List<T>();
        var bad = new List<string>();
        var headerSeen = false;
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (!headerSeen)
            {
                headerSeen = true;
                if (!string.Equals(string.Join(',', cells.Select(c => c.Trim())), header, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"line {i + 1}: the first line must be the header {header}, got \"{line}\"");
                    return rows;
                }

                continue;
            }

            if (cells.Length != 2)
            {
                bad.Add($"line {i + 1}: expected 2 values ({header}), got {cells.Length}");
                continue;
            }

            var (row, problem) = parse(cells[0].Trim(), cells[1].Trim());
            if (problem is null)
            {
                rows.Add(row);
            }
            else
            {
                bad.Add($"line {i + 1}: {problem}");
            }
        }

        if (!headerSeen)
        {
            problems.Add($"is empty; expected the header {header} and one row per line");
        }
        else if (bad.Count == 0 && rows.Count == 0)
        {
            problems.Add("has a header but no rows");
        }

        problems.AddRange(bad.Take(MaxReportedLines));
        if (bad.Count > MaxReportedLines)
        {
            problems.Add($"and {bad.Count - MaxReportedLines} more bad lines");
        }

        return rows;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
