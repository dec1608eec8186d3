using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Tests.EndToEnd;

public sealed class AccuracyStudyTests(AccuracyStudyFixture study) : IClassFixture<AccuracyStudyFixture>
{
    [Fact]
    public void Report_DecisionsTable_HasTheAccuracyColumn_AndEachRowNamesTheProxyVariant()
    {
        var lines = study.Report.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("| Model | Edge load | Q |", StringComparison.Ordinal));

        Assert.Contains("| Top-1 of the fastest's variant (source) |", lines[header], StringComparison.Ordinal);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Equal(study.Result.Decisions.Count, rows.Length);
        Assert.All(rows, r => Assert.Matches(@"\| \d+\.\d % \(proxy tiny-cls/(full|channel-0\.70)\) \|", r));
        Assert.All(study.Result.Decisions, d => Assert.Contains(d.Accuracy, rows.Single(r => r.Contains(d.Explanation, StringComparison.Ordinal))));
    }

    [Fact]
    public void Report_StatesWhichAccuracyStandsInForTheUntrainedNetworks()
    {
        var full = study.Result.Measurements.Accuracy.Single(a => a.Variant.IsFull);
        var statement = study.Result.DecisionAccuracy!.Statement;

        Assert.Contains(
            "The untrained networks (mobilenet) have no accuracy of their own (seeded random weights). The trained proxy `tiny-cls` at the same "
            + "method and budget stands in for them in every decision", statement, StringComparison.Ordinal);
        Assert.Contains("for their `channel-0.70`", statement, StringComparison.Ordinal);
        Assert.Equal(Math.Max(0, full.Top1 - 0.05), study.Result.DecisionAccuracy.MinTop1!.Value, 12);
        Assert.Contains("**Accuracy.** " + statement, study.Report, StringComparison.Ordinal);
        Assert.Contains("- **Accuracy in decisions.** " + statement, study.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_EveryMethodAndTheComparisonVariant_MeasuredOrReportedNotMeasured_PlottedAndRecordedInTheRepository()
    {
        // Every variant the config asks for is either measured or listed with the reason it was not (a method whose builder
        // this build lacks, e.g. channel-ls before the compression builder); the pruning engine's methods are always measured.
        var asked = study.Config.AccuracyVariants().Select(v => v.Name).ToArray();
        var measured = study.Result.Measurements.Accuracy.Select(a => a.Variant.Name).ToArray();
        var skipped = study.Result.Measurements.AccuracySkipped.Select(s => s[..s.IndexOf(": ", StringComparison.Ordinal)]).ToArray();
        Assert.Equal(asked, asked.Where(n => measured.Contains(n) || skipped.Contains(n)));
        Assert.Empty(measured.Intersect(skipped));
        Assert.Subset(measured.ToHashSet(), new HashSet<string> { "full", "global-0.50", "layer-0.50", "channel-0.50", "channel-ls-0.50", "channel-0.70" });
        Assert.All(study.Result.Measurements.AccuracySkipped, s => Assert.Contains("- " + s, study.Report, StringComparison.Ordinal));

        var plotted = study.Result.Measurements.Accuracy.Where(a => a.Variant.IsPruned && a.Variant.Factor.Value == 0.5).Select(a => a.Variant.Kind!);
        var series = CsvRow.Read(Path.Combine(study.Output, "figures", "fig2a.csv")).Select(r => r.Series).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(plotted.SelectMany(m => new[] { m + " Top-1", m + " Top-5" }).Order(StringComparer.Ordinal), series);
        Assert.Equal(PruningMethods.Names, study.Config.AccuracyMethods.Select(m => m.Name()));

        var recorded = RecordedAccuracy.Read(study.Repository.ModelDirectory(AccuracyStudyFixture.Proxy))!;
        Assert.Equal(measured.Order(StringComparer.Ordinal), recorded.Variants.Select(r => r.Variant));
        foreach (var a in study.Result.Measurements.Accuracy)
        {
            Assert.Equal((a.Top1, a.Top5, 8), (recorded.Find(a.Variant)!.Top1, recorded.Find(a.Variant)!.Top5, recorded.Find(a.Variant)!.Images));
        }
    }

    [Fact]
    public void Tradeoff_ParetoFigureAndTable_WrittenForTheAccuracyModel()
    {
        var tradeoff = study.Result.Measurements.Tradeoff!;

        Assert.Equal(study.Result.Measurements.Accuracy.Select(a => a.Variant.Name), tradeoff.Rows.Select(r => r.Variant.Name));
        foreach (var row in tradeoff.Rows)
        {
            var a = study.Result.Measurements.Accuracy.Single(m => m.Variant.Name == row.Variant.Name);
            Assert.Equal(a.Top1, Assert.Single(row.Accuracy).Top1);
        }

        foreach (var file in new[] { "tradeoff.csv", "tradeoff.md", "pareto.png", "pareto.svg", "pareto.csv", "pareto-points.csv" })
        {
            Assert.True(File.Exists(Path.Combine(study.Output, "figures", file)), file);
            Assert.Contains("figures/" + file, study.Result.Files.Select(f => f.Replace('\\', '/')));
        }

        Assert.Contains("## Speed versus accuracy of tiny-cls (Pareto)", study.Report, StringComparison.Ordinal);
        Assert.Contains(TradeoffReport.Markdown(tradeoff), study.Report, StringComparison.Ordinal);
        Assert.Contains("![pareto](figures/pareto.png)", study.Report, StringComparison.Ordinal);
    }
}
