using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Reporting;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>The Fig. 2(a)-style chart of an evaluation: Top-1 (dashed) and Top-5 (solid) accuracy in % versus pf.</summary>
internal static class EvaluateChart
{
    public static ChartFiles Write(IReadOnlyList<AccuracyPoint> points, string model, PruningMethod method, string directory)
    {
        var pf = points.Select(p => p.PruningFactor).ToArray();
        var chart = new LineChart(
            $"{model}: accuracy vs pruning factor ({method.Name()}, no fine-tuning)",
            new AxisSpec(
                method == PruningMethod.Channel
                    ? "pruning factor pf (fraction of prunable channels removed)"
                    : "pruning factor pf (fraction of weights zeroed)",
                Minimum: 0,
                Maximum: 1),
            new AxisSpec("accuracy (%)", Minimum: 0, Maximum: 102),
            [
                new Series("Top-1", pf, points.Select(p => p.Top1 * 100).ToArray()) { Line = LineStyle.Dashed, Color = "#1f77b4" },
                new Series("Top-5", pf, points.Select(p => p.Top5 * 100).ToArray()) { Line = LineStyle.Solid, Color = "#d62728" },
            ])
        {
            WidthPixels = 900,
        };
        return ChartWriter.Write(chart, directory, $"accuracy-{method.Name()}");
    }
}
