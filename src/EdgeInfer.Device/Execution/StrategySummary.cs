using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Device.Execution;

/// <summary>
/// One strategy over its repetitions (<c>device --repeat K</c>): the median measured and predicted cycle and lifetime
/// delays, the median and range of the per-repetition errors (each repetition's measurement against the prediction made
/// for it, from the edge's state just before it ran). A first request is one sample; on a shared core it varies by ±20 %
/// from one repetition to the next, so the median error is what says how well the planner predicts.
/// </summary>
/// <param name="Strategy">Wire name.</param>
/// <param name="Repetitions">Runs summarised.</param>
/// <param name="CycleDelaySeconds">Median measured cycle delay.</param>
/// <param name="PredictedCycleDelaySeconds">Median predicted cycle delay (with the measured overheads).</param>
/// <param name="PaperCycleDelaySeconds">Median predicted cycle delay with the paper's terms only.</param>
/// <param name="CycleError">Median of the per-repetition (measured − predicted) / predicted cycle delays.</param>
/// <param name="MinCycleError">Smallest per-repetition cycle error.</param>
/// <param name="MaxCycleError">Largest per-repetition cycle error.</param>
/// <param name="LifetimeDelaySeconds">Median measured lifetime delay.</param>
/// <param name="PredictedLifetimeDelaySeconds">Median predicted lifetime delay.</param>
/// <param name="LifetimeError">Median of the per-repetition lifetime-delay errors.</param>
public sealed record StrategySummary(
    string Strategy,
    int Repetitions,
    double CycleDelaySeconds,
    double PredictedCycleDelaySeconds,
    double PaperCycleDelaySeconds,
    double CycleError,
    double MinCycleError,
    double MaxCycleError,
    double LifetimeDelaySeconds,
    double PredictedLifetimeDelaySeconds,
    double LifetimeError)
{
    /// <summary>The median of values that may be negative (errors), midpoint of the middle two for an even count.</summary>
    private static double MedianSigned(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One summary per strategy, in the order the strategies first ran; runs without a measured cycle are skipped.</summary>
    public static IReadOnlyList<StrategySummary> Of(IEnumerable<StrategyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.Where(r => double.IsFinite(r.Measured.CycleDelaySeconds)).GroupBy(r => r.Strategy).Select(g =>
        {
            var list = g.ToList();
            double Median(Func<StrategyRun, double> value) => LatencyStatistics.From([.. list.Select(value)]).MedianSeconds;
            var cycle = Median(r => r.Measured.CycleDelaySeconds);
            var predicted = Median(r => r.Predicted.CycleDelaySeconds);
            var lifetime = Median(r => r.Measured.LifetimeDelaySeconds);
            var predictedLifetime = Median(r => r.Predicted.LifetimeDelaySeconds);
            return new StrategySummary(
                g.Key,
                list.Count,
                cycle,
                predicted,
                Median(r => r.Predicted.PaperCycleDelaySeconds),
                MedianSigned(list.Select(r => r.RelativeError.CycleDelay)),
                list.Min(r => r.RelativeError.CycleDelay),
                list.Max(r => r.RelativeError.CycleDelay),
                lifetime,
                predictedLifetime,
                MedianSigned(list.Select(r => r.RelativeError.LifetimeDelay)));
        })];
    }
}
