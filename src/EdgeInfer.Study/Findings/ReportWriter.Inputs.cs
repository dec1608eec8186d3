using System.Globalization;
using System.Text;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Study.Findings;

/// <summary>The measured-input tables of the report.</summary>
public static partial class ReportWriter
{
    private static void Inputs(StringBuilder md, StudyResult result)
    {
        var models = result.Measurements.Models;
        md.AppendLine("## Measured inputs").AppendLine();
        ModelTable(md, models);
        var loads = models[0].Edge.Select(e => e.Load).ToArray();
        InferenceTable(md, models, loads);
        PruningTables(md, models, loads, result.Config.PruningMethod.Name());
        AccuracyTable(md, result.Measurements);
    }

    private static void ModelTable(StringBuilder md, IReadOnlyList<ModelMeasurements> models)
    {
        md.AppendLine("### Models").AppendLine();
        md.AppendLine("| Model | Variant | ONNX size (MB) | Sent to the device (MB) | Non-zero parameters | MACs (G) | Trained |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var m in models)
        {
            foreach (var v in new[] { m.Full, m.Pruned })
            {
                var macs = v.Macs is { } count ? (count / 1e9).ToString("F2", CultureInfo.InvariantCulture) : "?";
                md.Append(F($"| {m.Model} | {v.Spec.Name} | {v.OnnxBytes / 1e6:F1} | {v.TransferBytes / 1e6:F1}{(v.Spec.IsFull ? " (ONNX)" : " (.eiw)")} | "))
                    .AppendLine(F($"{v.Parameters:N0} | {macs} | {(v.Trained ? "yes" : "no")} |"));
            }
        }
    }

    private static void InferenceTable(StringBuilder md, IReadOnlyList<ModelMeasurements> models, int[] loads)
    {
        md.AppendLine().AppendLine("### Inference time, ms: median (p90)").AppendLine();
        md.Append("| Model | Variant | Device |");
        md.AppendJoin("", loads.Select(l => F($" Edge L = {l} |"))).AppendLine();
        md.Append("|---|---|---|").AppendJoin("", loads.Select(_ => "---|")).AppendLine();
        foreach (var m in models)
        {
            md.Append($"| {m.Model} | full | {Ms(m.DeviceFull)} |").AppendJoin("", m.Edge.Select(e => $" {Ms(e.Full)} |")).AppendLine();
            md.Append($"| {m.Model} | {m.Pruned.Spec.Name} | {Ms(m.DevicePruned)} |").AppendJoin("", m.Edge.Select(e => $" {Ms(e.Pruned)} |")).AppendLine();
        }
    }

    private static void PruningTables(StringBuilder md, IReadOnlyList<ModelMeasurements> models, int[] loads, string method)
    {
        md.AppendLine().AppendLine(F($"### Pruning time at the edge, s: median ({method}, file to file)")).AppendLine();
        md.Append("| Model | pf |").AppendJoin("", loads.Select(l => F($" L = {l} |"))).AppendLine();
        md.Append("|---|---|").AppendJoin("", loads.Select(_ => "---|")).AppendLine();
        foreach (var m in models)
        {
            md.Append(F($"| {m.Model} | {m.Pruned.Spec.Factor.Value:0.##} |"))
                .AppendJoin("", m.Edge.Select(e => F($" {(e.PruneDerived ? "≈" : "")}{e.Prune.MedianSeconds:F3} |"))).AppendLine();
        }

        if (models.Any(m => m.Edge.Any(e => e.PruneDerived)))
        {
            md.AppendLine().AppendLine(
                "≈: derived, not timed (config `pruneTiming` = derived, the default for channel-ls, whose builds of the big networks take "
                + "minutes): T_pr(L) = T_pr(L₀) · T_edge,full(L) / T_edge,full(L₀), the one build timed at the lowest load L₀ scaled by the "
                + "same model's measured edge slowdown. Pruning time versus pf was not timed either; `pruneTiming: \"measured\"` times both.");
        }

        if (models.Any(m => m.PruneByFactor.Count > 0))
        {
            md.AppendLine().AppendLine("Pruning time versus pf at L = 0, s (median):").AppendLine();
            var factors = models.SelectMany(m => m.PruneByFactor.Select(p => p.PruningFactor)).Distinct().Order().ToArray();
            md.Append("| Model |").AppendJoin("", factors.Select(f => F($" pf {f:0.##} |"))).AppendLine();
            md.Append("|---|").AppendJoin("", factors.Select(_ => "---|")).AppendLine();
            foreach (var m in models)
            {
                var cells = factors.Select(f => m.PruneByFactor.FirstOrDefault(p => p.PruningFactor == f) is { } p
                    ? F($" {p.Prune.MedianSeconds:F3} |")
                    : " – |");
                md.Append($"| {m.Model} |").AppendJoin("", cells).AppendLine();
            }
        }
    }

    private static void AccuracyTable(StringBuilder md, StudyMeasurements measurements)
    {
        md.AppendLine().AppendLine("### Accuracy of the trained model").AppendLine();
        if (measurements.Accuracy.Count == 0)
        {
            md.AppendLine($"Not measured: {measurements.AccuracyNote}.").AppendLine();
            return;
        }

        md.AppendLine("| Variant | Top-1 | Top-5 | Dataset | Images |").AppendLine("|---|---|---|---|---|");
        foreach (var a in measurements.Accuracy)
        {
            md.AppendLine(F($"| {a.Variant} | {a.Top1:P1} | {a.Top5:P1} | {a.Dataset} | {a.Images} |"));
        }

        md.AppendLine();
        if (measurements.AccuracySkipped.Count > 0)
        {
            md.AppendLine("Not measured:").AppendLine();
            foreach (var skipped in measurements.AccuracySkipped)
            {
                md.AppendLine($"- {skipped}");
            }

            md.AppendLine();
        }
    }

    /// <summary>The accuracy model's measured speedup and Top-1 per variant, and the Pareto chart (the tradeoff command's files).</summary>
    private static void Tradeoff(StringBuilder md, StudyResult result)
    {
        if (result.Measurements.Tradeoff is not { } tradeoff)
        {
            return;
        }

        md.AppendLine(F($"## Speed versus accuracy of {tradeoff.Model} (Pareto)")).AppendLine();
        md.AppendLine(TradeoffReport.Markdown(tradeoff));
        md.AppendLine(F($"![{TradeoffReport.ChartName}](figures/{TradeoffReport.ChartName}.png)")).AppendLine();
        md.Append("Measured speedup (x) against Top-1 (y), one series per method, the Pareto front dashed. Data: ")
            .Append(F($"[`figures/{TradeoffReport.TableName}.csv`](figures/{TradeoffReport.TableName}.csv), "))
            .AppendLine(F($"[`figures/{TradeoffReport.ChartName}-points.csv`](figures/{TradeoffReport.ChartName}-points.csv).")).AppendLine();
    }
}
