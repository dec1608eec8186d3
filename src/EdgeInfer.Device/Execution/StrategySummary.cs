using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Device.Execution;

/// <summary>
/// One strategy over its repetitions (<c>device --repeat K</c>): the median measured and predicted cycle and lifetime
/// delays, the error of the medians, and the range of the per-repetition errors. A first request is one sample; on a
/// shared core it varies by ±20 % from one repetition to the next, so the medians are what compares with the planner.
/// </summary>
/// <param name="Strategy">Wire name.</param>
/// <param name="Repetitions">Runs summarised.</param>
/// <param name="CycleDelaySeconds">Median measured cycle delay.</param>
/// <param name="PredictedCycleDelaySeconds">Median predicted cycle delay (with the measured overheads).</param>
/// <param name="PaperCycleDelaySeconds">Median predicted cycle delay with the paper's terms only.</param>
/// <param name="CycleError">(median measured − median predicted) / median predicted.</param>
/// <param name="MinCycleError">Smallest per-repetition cycle error.</param>
/// <param name="MaxCycleError">Largest per-repetition cycle error.</param>
/// <param name="LifetimeDelaySeconds">Median measured lifetime delay.</param>
/// <param name="PredictedLifetimeDelaySeconds">Median predicted lifetime delay.</param>
/// <param name="LifetimeError">(median measured − median predicted) / median predicted.</param>
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
            return new StrategySummary(g.Key, list.Count, cycle, predicted, Median(r => r.Predicted.PaperCycleDelaySeconds), (cycle - predicted) / predicted,
                list.Min(r => r.RelativeError.CycleDelay), list.Max(r => r.RelativeError.CycleDelay), lifetime, predictedLifetime, (lifetime - predictedLifetime) / predictedLifetime);
        })];
    }
}
