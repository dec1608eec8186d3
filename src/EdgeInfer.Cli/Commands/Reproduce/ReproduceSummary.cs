using System.Globalization;
using EdgeInfer.Study.Figures;
using EdgeInfer.Study.Findings;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>The final summary of <c>reproduce</c>: a table on stdout, or one JSON object.</summary>
internal static class ReproduceSummary
{
    public static object Json(StudyResult result) => new
    {
        outputFolder = result.OutputFolder,
        preset = result.Preset,
        complete = true,
        wallSeconds = Math.Round(result.WallSeconds, 1),
        cacheHits = result.CacheHits,
        cacheMisses = result.CacheMisses,
        files = result.Files,
        thresholds = result.Thresholds.Select(t => new
        {
            model = t.Model,
            fullLoad = t.FullLoad?.Load,
            prunedLoad = t.PrunedLoad?.Load,
            bestLoad = t.BestLoad?.Load,
            bestLoadExtrapolated = t.BestLoad?.Kind == PointKind.Extrapolated,
            dataBreakEvenFull = t.AtLoadZero[0].Data,
            dataBreakEvenPruned = t.AtLoadZero[1].Data,
        }),
        findings = result.Findings,
    };

    public static void WriteTable(TextWriter output, StudyResult result)
    {
        output.WriteLine(F($"{"model",-12} {"device faster from L (full/pruned/best)",-42} {"data break-even Q (full/pruned)",-32}"));
        foreach (var t in result.Thresholds)
        {
            var loads = $"{L(t.FullLoad)} / {L(t.PrunedLoad)} / {L(t.BestLoad)}";
            var q = $"{Q(t.AtLoadZero[0].Data)} / {Q(t.AtLoadZero[1].Data)}";
            output.WriteLine(F($"{t.Model,-12} {loads,-42} {q,-32}"));
        }

        output.WriteLine();
        foreach (var f in result.Findings)
        {
            output.WriteLine($"- {f.Finding}");
            output.WriteLine($"    paper: {f.Paper}; this run: {f.Ours}");
        }

        output.WriteLine();
        output.WriteLine(F($"{result.Files.Count} files in {result.OutputFolder} (report.md, run.json, figures/) in {result.WallSeconds:F0} s; ")
            + F($"{result.CacheHits} cached, {result.CacheMisses} measured."));
    }

    private static string L(LoadCrossing? t) =>
        t is null ? "never" : t.Load.ToString(CultureInfo.InvariantCulture) + (t.Kind == PointKind.Extrapolated ? "*" : "");

    private static string Q(long? q) => q?.ToString(CultureInfo.InvariantCulture) ?? "never";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
