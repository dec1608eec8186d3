using System.Globalization;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Plan;

/// <summary>
/// <c>plan --profile … --sweep-load FROM:TO:STEP</c>: the plan at every load (per-strategy cycle delay, the chosen
/// strategy) and the thresholds above which the device is faster than the edge: for inference alone
/// (T_inf,d &lt; T_inf,e(L)) and for the cycle delay (device-full vs edge-full, device-prepruned vs edge-prepruned),
/// each for the full and the pruned model (paper, Fig. 3). A null threshold: the device never wins within the sweep.
/// </summary>
internal static class PlanLoadSweep
{
    internal sealed record Row(double Load, bool Extrapolated, string? Chosen, IReadOnlyDictionary<string, double> CycleDelaySeconds);

    internal sealed record Thresholds(double? InferenceFull, double? InferencePruned, double? CycleFull, double? CyclePruned);

    internal sealed record Result(bool Extrapolated, IReadOnlyList<Row> Loads, Thresholds Thresholds);

    public static Result Run(ProfilePlanInputs inputs, PlanningScenario scenario, ChannelReport channel, double[] loads, bool extrapolate)
    {
        OffloadPlan PlanAt(double load)
        {
            var filled = inputs.Apply(scenario, load, extrapolate, out _);
            filled.ToInputs();
            return OffloadPlanner.Plan(filled, channel.Rates);
        }

        double Cycle(OffloadPlan plan, Strategy strategy) => plan.Options.First(o => o.Outcome.Strategy == strategy).Outcome.CycleDelay.Value;

        var rows = new List<Row>();
        foreach (var load in loads)
        {
            var estimates = inputs.At(load, extrapolate);
            var plan = PlanAt(load);
            var cycles = plan.Options.ToDictionary(o => o.Outcome.Strategy.Name(), o => o.Outcome.CycleDelay.Value);
            rows.Add(new Row(load, estimates.Extrapolated, plan.Chosen?.Name(), cycles));
        }

        var thresholds = new Thresholds(
            LoadThreshold.Find(loads, l => inputs.DeviceFull.Value - inputs.EdgeFullCurve.At(l, extrapolate).Seconds),
            LoadThreshold.Find(loads, l => inputs.DevicePruned.Value - inputs.EdgePrunedCurve.At(l, extrapolate).Seconds),
            LoadThreshold.Find(loads, l => { var p = PlanAt(l); return Cycle(p, Strategy.DeviceFull) - Cycle(p, Strategy.EdgeFull); }),
            LoadThreshold.Find(loads, l => { var p = PlanAt(l); return Cycle(p, Strategy.DevicePrepruned) - Cycle(p, Strategy.EdgePrepruned); }));
        return new Result(rows.Any(r => r.Extrapolated), rows, thresholds);
    }

    public static void WriteTable(TextWriter output, PlanFromProfileOutput.Source source, Result result)
    {
        output.WriteLine($"profile {source.Path}: {source.Model}, pruned variant {source.PrunedVariant}; cycle delay per strategy in ms");
        var names = Strategies.All.Select(s => s.Name()).ToArray();
        output.WriteLine($"{"load",8} {string.Join(" ", names.Select(n => $"{n,16}"))} {"chosen",-18}");
        foreach (var row in result.Loads)
        {
            var cells = string.Join(" ", names.Select(n => string.Create(CultureInfo.InvariantCulture, $"{row.CycleDelaySeconds[n] * 1e3,16:F2}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Load,8:0.##} {cells} ")
                + string.Create(CultureInfo.InvariantCulture, $"{row.Chosen ?? "none",-18}{(row.Extrapolated ? " (extrapolated)" : string.Empty)}"));
        }

        static string Show(double? load) => load is { } l ? l.ToString("0.##", CultureInfo.InvariantCulture) : "never in the sweep";
        var t = result.Thresholds;
        output.WriteLine($"device inference faster than edge inference above load: full {Show(t.InferenceFull)}, pruned {Show(t.InferencePruned)}");
        output.WriteLine($"device cycle faster than edge cycle above load: device-full vs edge-full {Show(t.CycleFull)}, "
            + $"device-prepruned vs edge-prepruned {Show(t.CyclePruned)}");
    }
}
