using System.Globalization;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>The stdout of <c>simulate</c>: the summary rows as one JSON object, or a short table and the files written.</summary>
internal sealed record SimulateView(IReadOnlyList<SimulateRow> Rows, SimulateInputs Inputs, int Replications, string Folder, IReadOnlyList<string> Files)
{
    public void Write(TextWriter o, bool json)
    {
        var keys = Inputs.SweepKeys;
        if (json)
        {
            CliJson.Write(o, new
            {
                output = Folder,
                replications = Replications,
                columns = SimulateSummary.Columns(keys, Replications),
                rows = SimulateSummary.Json(Rows, keys, Replications),
                files = Files,
            });
            return;
        }

        var ci = Replications > 1 ? " ±95%" : string.Empty;
        string[] header = ["point", .. keys, "policy", "eviction", "requests", $"mean delay (s){ci}", "p99 delay (s)", "energy/request (J)", "hit rate",
            "edge share"];
        var lines = Rows.Select(r => (string[])
        [
            r.Point.Index.ToString(CultureInfo.InvariantCulture), .. keys.Select(k => r.Point.Value(k) ?? string.Empty), r.Policy, r.Eviction,
            Format(r.Mean("requests"), "0"), Format(r.Mean("meanDelaySeconds"), "0.####") + HalfWidth(r, "meanDelaySeconds"),
            Format(r.Mean("p99DelaySeconds"), "0.####"), Format(r.Mean("meanDeviceEnergyJoules"), "0.####"),
            Format(r.Mean("storeHitRate"), "0.###"), Format(r.Mean("edgeShare"), "0.###"),
        ]).ToList();
        var widths = header.Select((h, i) => lines.Select(l => l[i].Length).Append(h.Length).Max()).ToArray();
        o.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var line in lines)
        {
            o.WriteLine(string.Join("  ", line.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        o.WriteLine($"wrote {Files.Count} files to {Folder}");
    }

    private static string HalfWidth(SimulateRow row, string metric) =>
        double.IsFinite(row.Summary[metric].HalfWidth95) ? " ±" + Format(row.Summary[metric].HalfWidth95, "0.####") : string.Empty;

    private static string Format(double value, string format) =>
        double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
