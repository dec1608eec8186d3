using System.Globalization;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Config;

namespace EdgeInfer.Study.Figures;

/// <summary>Figures 3–5: planner outputs versus edge load and versus Q.</summary>
public static partial class StudyFigures
{
    /// <summary>Extrapolated loads are plotted every this many tasks.</summary>
    private const int ExtrapolationStep = 4;

    /// <summary>Fig. 3: cycle delay (Eqs. 2 and 5, first request) of the six strategies versus edge load, one panel per model, threshold marked.</summary>
    public static Figure Fig3(IReadOnlyList<ModelCostInputs> models, LinkRates rates, IReadOnlyList<ModelThresholds> thresholds)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(thresholds);
        var panels = new List<FigurePanel>();
        for (var m = 0; m < models.Count; m++)
        {
            var inputs = models[m];
            var loads = inputs.Measured.Edge.Select(e => e.Load).ToList();
            for (var load = inputs.MaxMeasuredLoad + ExtrapolationStep; load <= inputs.MaxLoad; load += ExtrapolationStep)
            {
                loads.Add(load);
            }

            if (loads[^1] < inputs.MaxLoad)
            {
                loads.Add(inputs.MaxLoad);
            }

            var points = Strategies.All.ToDictionary(s => s, _ => new List<FigurePoint>());
            foreach (var load in loads)
            {
                var at = inputs.Scenario(load, 1);
                var plan = at.Plan(rates);
                foreach (var strategy in Strategies.All)
                {
                    points[strategy].Add(new FigurePoint(load, plan.Outcome(strategy).CycleDelay.Value, at.KindOf(strategy)));
                }
            }

            var markers = new List<FigureMarker>();
            if (thresholds.FirstOrDefault(t => t.Model == inputs.Model)?.BestLoad is { } threshold)
            {
                var extrapolated = threshold.Kind == PointKind.Extrapolated ? " (extrapolated)" : "";
                markers.Add(new FigureMarker(threshold.Load, $"device faster from L = {threshold.Load}{extrapolated}", Vertical: true));
            }

            panels.Add(new FigurePanel
            {
                Title = $"({Letter(m)}) {inputs.Model}",
                XLabel = "Edge load L (concurrent tasks)",
                YLabel = "Cycle delay, first request (s)",
                LogY = true,
                Series = Strategies.All.Select(s => new FigureSeries(s.Name(), points[s], ColorIndex: (int)s)).ToArray(),
                Markers = markers,
            });
        }

        return new Figure("fig3", "Total cycle delay versus edge load",
            "Cycle delay of one inference request (Eq. 2 at the edge, Eq. 5 at the device, which includes the model download) for the six "
            + "strategies, from measured inference and pruning times fed to the planner. Points at measured loads are marked; between them "
            + "edge times are interpolated linearly; beyond the highest measured load they come from the processor-sharing fit (dotted, "
            + "lighter). The vertical line is the load from which the fastest device strategy beats the fastest edge strategy.",
            panels);
    }

    /// <summary>Fig. 4: total exchanged data versus Q (1 … maxRequests), edge versus device, full and pruned; break-even Q marked.</summary>
    public static Figure Fig4(StudyConfig config, IReadOnlyList<ModelCostInputs> models, LinkRates rates)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(models);
        var shown = new[] { Strategy.EdgeFull, Strategy.DeviceFull, Strategy.DevicePrepruned };
        var panels = models.Select((inputs, m) =>
        {
            var plans = Requests(config).Select(q => (Q: q, Plan: inputs.Scenario(0, q).Plan(rates))).ToArray();
            var markers = new List<FigureMarker>();
            foreach (var device in new[] { Strategy.DeviceFull, Strategy.DevicePrepruned })
            {
                if (plans[^1].Plan.BreakEvenOf(device).Data is { } q && q <= config.MaxRequests)
                {
                    markers.Add(new FigureMarker(q, $"{device.Name()} < edge from Q = {q}", Vertical: true));
                }
            }

            return new FigurePanel
            {
                Title = $"({Letter(m)}) {inputs.Model}",
                XLabel = "Requests per model lifetime Q",
                YLabel = "Exchanged data (MB)",
                LogX = true,
                LogY = true,
                Series = shown.Select(s => new FigureSeries(
                    s == Strategy.EdgeFull ? "edge-full (= edge-pruned)" : s.Name(),
                    plans.Select(p => new FigurePoint(p.Q, p.Plan.Outcome(s).ExchangedData.Value / 1e6)).ToArray(),
                    ColorIndex: (int)s)).ToArray(),
                Markers = markers,
            };
        }).ToArray();
        return new Figure("fig4", "Total exchanged data versus Q",
            "Bytes over the radio (uplink and downlink) for Q requests in one model lifetime: at the edge Q·(l_input + l_res) for full and "
            + "pruned models alike; at the device l_req + l_model once (full ONNX file, or the pruned model in the .eiw wire format). "
            + $"Pruned: {config.ComparisonDescription}. "
            + "Vertical lines: the break-even Q from which the device exchanges less data than edge-full (planner break-even).",
            panels);
    }

    /// <summary>Fig. 5: device energy (Eqs. 3 and 6) versus Q, per model, with the battery capacities as horizontal lines.</summary>
    public static Figure Fig5(StudyConfig config, IReadOnlyList<ModelCostInputs> models, LinkRates rates)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(models);
        var shown = new[] { Strategy.EdgeFull, Strategy.DeviceFull, Strategy.DevicePrepruned };
        var batteries = config.Batteries
            .Select(b => new FigureMarker(Conversions.ToJoules(b).Value, $"battery {b.Value.ToString("G4", CultureInfo.InvariantCulture)} Wh", Vertical: false))
            .ToArray();
        var panels = models.Select((inputs, m) =>
        {
            var plans = Requests(config).Select(q => (Q: q, Plan: inputs.Scenario(0, q).Plan(rates))).ToArray();
            return new FigurePanel
            {
                Title = $"({Letter(m)}) {inputs.Model}",
                XLabel = "Requests per model lifetime Q",
                YLabel = "Device energy (J)",
                LogX = true,
                LogY = true,
                Series = shown.Select(s => new FigureSeries(
                    s == Strategy.EdgeFull ? "edge (full or pruned)" : s.Name(),
                    plans.Select(p => new FigurePoint(p.Q, p.Plan.Outcome(s).DeviceEnergy.Value)).ToArray(),
                    ColorIndex: (int)s)).ToArray(),
                Markers = batteries,
            };
        }).ToArray();
        return new Figure("fig5", "Device energy versus Q",
            "Energy the device spends over Q requests: at the edge Q·(P_tx·T_in + (P_rx + P_E)·T_res) (Eq. 3); at the device "
            + "P_tx·T_req + (P_rx + P_E)·T_model + Q·P_d·T_inf,d (Eq. 6), with measured T_inf,d. Horizontal lines: battery capacities "
            + $"({string.Join(", ", config.Batteries.Select(b => b.Value.ToString("G4", CultureInfo.InvariantCulture)))} Wh).",
            panels);
    }

    /// <summary>Q values of Figs. 4 and 5: 1 … maxRequests, dense at small Q (log x axis).</summary>
    internal static long[] Requests(StudyConfig config)
    {
        var values = new SortedSet<long>();
        for (var q = 1; q <= config.MaxRequests; q = q < 10 ? q + 1 : (int)Math.Ceiling(q * 1.1))
        {
            values.Add(q);
        }

        values.Add(config.MaxRequests);
        return [.. values];
    }
}
