using System.Globalization;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Measurement;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Study.Figures;

/// <summary>
/// The data of the paper's Figures 2–5, computed from the measured inputs by the Core planner and cost model
/// (<see cref="OffloadPlanner"/>, <see cref="CostModel"/>); no equation is re-implemented here.
/// </summary>
public static partial class StudyFigures
{
    /// <summary>Every figure: fig2a, fig2b, fig3, fig4, fig5.</summary>
    public static IReadOnlyList<Figure> All(StudyConfig config, StudyMeasurements measurements, IReadOnlyList<ModelCostInputs> models, LinkRates rates) =>
    [
        Fig2a(config, measurements),
        Fig2b(config, models),
        Fig3(models, rates, StudyThresholds.Compute(models, rates)),
        Fig4(config, models, rates),
        Fig5(config, models, rates),
    ];

    /// <summary>
    /// Fig. 2(a): Top-1 (dashed) and Top-5 (solid) accuracy in % versus pf, one curve pair per method of
    /// <see cref="StudyConfig.AccuracyMethods"/>, of the trained model; every curve starts at the full model (pf 0).
    /// </summary>
    public static Figure Fig2a(StudyConfig config, StudyMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(measurements);
        var series = new List<FigureSeries>();
        var color = 3;
        var byName = measurements.Accuracy.ToDictionary(a => a.Variant.Name, StringComparer.Ordinal);
        var plotted = new List<string>();
        foreach (var method in config.AccuracyMethods)
        {
            var points = config.AccuracyModel is not { } model ? [] : config.PruningFactors.Order()
                .Select(pf => byName.GetValueOrDefault(ModelVariant.Pruned(model, method, pf).Name))
                .OfType<MeasuredAccuracy>()
                .ToArray();
            if (!points.Any(p => p.Variant.IsPruned))
            {
                continue; // nothing of this method was measured (e.g. no builder for it): no curve of the full model alone
            }

            plotted.Add(method.Name());

            var top5 = points.Select(a => new FigurePoint(a.Variant.Factor.Value * 100, a.Top5 * 100)).ToArray();
            var top1 = points.Select(a => new FigurePoint(a.Variant.Factor.Value * 100, a.Top1 * 100)).ToArray();
            series.Add(new FigureSeries($"{method.Name()} Top-5", top5, ColorIndex: color));
            series.Add(new FigureSeries($"{method.Name()} Top-1", top1, Dashed: true, ColorIndex: color));
            color = (color + 3) % 9;
        }

        var images = measurements.Accuracy.Count > 0 ? measurements.Accuracy[0].Images : 0;
        var caption = measurements.Accuracy.Count > 0
            ? $"Top-1 (dashed) and Top-5 (solid) accuracy of the trained {config.AccuracyModel} on {images} Fashion-MNIST test images "
              + $"versus the pruning factor, per pruning method ({string.Join(", ", plotted)}), without fine-tuning"
              + (plotted.Count < config.AccuracyMethods.Count
                  ? $" (not measured: {string.Join(", ", config.AccuracyMethods.Select(m => m.Name()).Except(plotted))}; see the report)"
                  : "")
              + ". The untrained catalog models (random weights) are not plotted: their accuracy is chance by construction "
              + "and says nothing about pruning."
            : $"No accuracy was measured ({measurements.AccuracyNote}). The untrained catalog models are never plotted for accuracy: "
              + "with random weights it is chance by construction.";
        var title = config.AccuracyModel is { } trained && series.Count > 0 ? $"{trained} (trained)" : "accuracy not measured";
        return new Figure("fig2a", "Accuracy versus pruning factor", caption,
        [
            new FigurePanel { Title = title, XLabel = "Pruning factor pf (%)", YLabel = "Accuracy (%)", Series = series },
        ]);
    }

    /// <summary>Fig. 2(b): pruning time T_pr (solid, left axis) and pruning energy P_edge·T_pr (dashed, right axis) versus measured edge load.</summary>
    public static Figure Fig2b(StudyConfig config, IReadOnlyList<ModelCostInputs> models)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(models);
        var edgePower = config.Scenario.Edge.ComputePower.Value;
        var series = new List<FigureSeries>();
        for (var i = 0; i < models.Count; i++)
        {
            var edge = models[i].Measured.Edge;
            var time = edge.Select(e => new FigurePoint(e.Load, e.Prune.MedianSeconds)).ToArray();
            var energy = edge.Select(e => new FigurePoint(e.Load, CostModel.EdgePruningEnergyJoules(edgePower, e.Prune.MedianSeconds))).ToArray();
            series.Add(new FigureSeries($"{models[i].Model} T_pr (solid, left)", time, ColorIndex: i * 3));
            series.Add(new FigureSeries($"{models[i].Model} energy (dashed, right)", energy, Dashed: true, RightAxis: true, ColorIndex: i * 3));
        }

        return new Figure("fig2b", "Pruning at the edge versus edge load",
            $"Time to prune the full model file ({config.ComparisonDescription}; parse, select, prune, save) at the edge role while L "
            + "background inference tasks run (solid, left axis), and the edge energy P_edge·T_pr with "
            + $"P_edge = {edgePower.ToString("G4", CultureInfo.InvariantCulture)} W (dashed, right axis). "
            + (models.Any(m => m.Measured.Edge.Any(e => e.PruneDerived))
                ? string.Create(
                      CultureInfo.InvariantCulture,
                      $"T_pr timed once at the lowest load (calibrated on {config.TimingCalibrationImages} images) and derived at higher loads ")
                  + "from the same model's measured edge slowdown (config pruneTiming = derived: a channel-ls build of a big network takes minutes)."
                : "Medians of measured runs."),
        [
            new FigurePanel
            {
                Title = "Pruning at the edge",
                XLabel = "Edge load L (concurrent background tasks)",
                YLabel = "Pruning time T_pr (s)",
                RightYLabel = "Pruning energy P_edge·T_pr (J)",
                LogY = true,
                Series = series,
            },
        ]);
    }

    private static string Letter(int index) => ((char)('a' + index)).ToString();
}
