namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// The processor-sharing model of edge inference time under load L (L background tasks plus the measured one):
/// T(L) = T0 · max(1, (L + 1) / c), where T0 is the unloaded time (seconds) and c ≥ 1 the effective number of cores
/// shared: while L + 1 ≤ c every task has a core, beyond it the tasks share c cores equally.
/// Fitted by least squares on relative errors, minimising Σᵢ (T(Lᵢ)/Tᵢ − 1)² over the measured medians (Lᵢ, Tᵢ):
/// for a fixed c the optimal T0 is closed-form, T0 = Σ gᵢ/Tᵢ / Σ (gᵢ/Tᵢ)² with gᵢ = max(1, (Lᵢ + 1)/c);
/// c is found by a grid search over [1, 4·(Lmax + 1)] (4000 steps) refined by a second grid (±1 step, 1000 steps).
/// Pure and deterministic.
/// </summary>
public sealed record ProcessorSharingFit
{
    private ProcessorSharingFit(double unloadedSeconds, double effectiveCores, double rmsRelativeError)
    {
        UnloadedSeconds = unloadedSeconds;
        EffectiveCores = effectiveCores;
        RmsRelativeError = rmsRelativeError;
    }

    /// <summary>T0: the fitted time without contention, seconds.</summary>
    public double UnloadedSeconds { get; }

    /// <summary>c: the fitted number of cores the tasks share, ≥ 1.</summary>
    public double EffectiveCores { get; }

    /// <summary>Root mean square of the relative residuals T(Lᵢ)/Tᵢ − 1 over the fitted points.</summary>
    public double RmsRelativeError { get; }

    /// <summary>Fits the model to at least two points with distinct loads ≥ 0 and positive times.</summary>
    public static ProcessorSharingFit Fit(IReadOnlyList<(int Load, double Seconds)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Select(p => p.Load).Distinct().Count() < 2)
        {
            throw new ArgumentException("The processor-sharing fit needs measurements at two or more distinct loads.", nameof(points));
        }

        if (points.Any(p => p.Load < 0 || !(p.Seconds > 0) || !double.IsFinite(p.Seconds)))
        {
            throw new ArgumentException("Fit points need loads ≥ 0 and finite positive times.", nameof(points));
        }

        var upper = 4.0 * (points.Max(p => p.Load) + 1);
        var (bestC, bestError) = Search(points, 1.0, upper, 4000);
        var step = (upper - 1.0) / 4000;
        (bestC, bestError) = Search(points, Math.Max(1.0, bestC - step), Math.Min(upper, bestC + step), 1000, (bestC, bestError));
        return new ProcessorSharingFit(OptimalT0(points, bestC), bestC, Math.Sqrt(bestError / points.Count));
    }

    /// <summary>T(L) in seconds for a load L ≥ 0 (fractional loads allowed).</summary>
    public double SecondsAt(double load) => UnloadedSeconds * Math.Max(1.0, (load + 1.0) / EffectiveCores);

    private static (double C, double Error) Search(
        IReadOnlyList<(int Load, double Seconds)> points, double from, double to, int steps, (double C, double Error)? start = null)
    {
        var best = start ?? (from, double.PositiveInfinity);
        for (var i = 0; i <= steps; i++)
        {
            var c = from + ((to - from) * i / steps);
            var error = SquaredError(points, c, OptimalT0(points, c));
            if (error < best.Error)
            {
                best = (c, error);
            }
        }

        return best;
    }

    private static double OptimalT0(IReadOnlyList<(int Load, double Seconds)> points, double c)
    {
        double numerator = 0, denominator = 0;
        foreach (var (load, seconds) in points)
        {
            var ratio = Math.Max(1.0, (load + 1.0) / c) / seconds;
            numerator += ratio;
            denominator += ratio * ratio;
        }

        return numerator / denominator;
    }

    private static double SquaredError(IReadOnlyList<(int Load, double Seconds)> points, double c, double t0)
    {
        double sum = 0;
        foreach (var (load, seconds) in points)
        {
            var residual = (t0 * Math.Max(1.0, (load + 1.0) / c) / seconds) - 1.0;
            sum += residual * residual;
        }

        return sum;
    }
}
