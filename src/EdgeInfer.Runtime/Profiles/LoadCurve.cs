using EdgeInfer.Core;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// Measured times (medians, seconds) at several loads, read at any load: exactly at a measured load its value;
/// between two measured loads La &lt; L &lt; Lb linearly, T = Ta + (L − La)/(Lb − La)·(Tb − Ta); outside
/// [Lmin, Lmax] an error unless extrapolation is allowed, then the shape of the <see cref="ProcessorSharingFit"/> on all
/// points, anchored at the nearest measured point: T(L) = T(Lmax)·fit(L)/fit(Lmax) above, T(Lmin)·fit(L)/fit(Lmin) below.
/// Anchoring keeps the curve continuous at the measured range's ends and never lets more load read as a shorter time
/// (the fit alone is not forced through the measured points and could jump below the last measured median).
/// Pure: no I/O.
/// </summary>
public sealed class LoadCurve
{
    private readonly (int Load, double Seconds)[] points;
    private ProcessorSharingFit? fit;

    /// <summary>Creates a curve from points with distinct loads ≥ 0 and finite positive times (any order).</summary>
    /// <param name="what">Names the curve in error messages, e.g. "edge inference of resnet152/full".</param>
    /// <param name="points">The measured (load, median seconds) pairs.</param>
    public LoadCurve(string what, IEnumerable<(int Load, double Seconds)> points)
    {
        What = what;
        this.points = points.OrderBy(p => p.Load).ToArray();
        if (this.points.Length == 0)
        {
            throw new EdgeInferInputException($"No measured loads for {what}.");
        }

        for (var i = 0; i < this.points.Length; i++)
        {
            var (load, seconds) = this.points[i];
            if (load < 0 || !double.IsFinite(seconds) || seconds <= 0 || (i > 0 && this.points[i - 1].Load == load))
            {
                throw new EdgeInferInputException($"Bad measurement for {what} at load {load}: loads must be distinct and ≥ 0, times finite and positive.");
            }
        }
    }

    /// <summary>What the curve describes (for messages).</summary>
    public string What { get; }

    /// <summary>Lowest measured load.</summary>
    public int MinLoad => points[0].Load;

    /// <summary>Highest measured load.</summary>
    public int MaxLoad => points[^1].Load;

    /// <summary>The processor-sharing fit on every point (needs two or more loads).</summary>
    public ProcessorSharingFit Fit => fit ??= ProcessorSharingFit.Fit(points);

    /// <summary>The time at <paramref name="load"/> (≥ 0).</summary>
    /// <exception cref="EdgeInferInputException">The load is outside the measured range and
    /// <paramref name="extrapolate"/> is false, or extrapolation has fewer than two loads to fit.</exception>
    public EdgeTimeEstimate At(double load, bool extrapolate)
    {
        if (!double.IsFinite(load) || load < 0)
        {
            throw new EdgeInferInputException($"Edge load {load} must be a finite number ≥ 0.");
        }

        if (load < MinLoad || load > MaxLoad)
        {
            if (!extrapolate)
            {
                throw new EdgeInferInputException(
                    $"Edge load {load} is outside the measured loads [{MinLoad}, {MaxLoad}] for {What} and extrapolation is off; "
                    + "measure it, or turn extrapolation on to use the processor-sharing fit.");
            }

            if (points.Length < 2)
            {
                throw new EdgeInferInputException($"Cannot extrapolate {What} to load {load}: only load {MinLoad} was measured; the fit needs two or more.");
            }

            var (anchorLoad, anchorSeconds) = load > MaxLoad ? points[^1] : points[0];
            var seconds = anchorSeconds * Fit.SecondsAt(load) / Fit.SecondsAt(anchorLoad);
            return new EdgeTimeEstimate(load, seconds, LoadEstimateKind.Extrapolated, Fit);
        }

        for (var i = 0; i < points.Length; i++)
        {
            if (points[i].Load == load)
            {
                return new EdgeTimeEstimate(load, points[i].Seconds, LoadEstimateKind.Measured, null);
            }

            if (points[i].Load > load)
            {
                var (la, ta) = points[i - 1];
                var (lb, tb) = points[i];
                var seconds = ta + ((load - la) / (lb - la) * (tb - ta));
                return new EdgeTimeEstimate(load, seconds, LoadEstimateKind.Interpolated, null);
            }
        }

        throw new InvalidOperationException("Unreachable: load within range but not bracketed.");
    }
}
