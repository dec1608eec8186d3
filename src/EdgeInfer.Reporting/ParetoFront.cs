namespace EdgeInfer.Reporting;

/// <summary>
/// The Pareto front of points where larger is better on both axes: a point is on it when no other point is at least as
/// good on both axes and strictly better on one. Equal points are all on it (neither dominates the other). O(n²), for
/// the few dozen variants of a trade-off table.
/// </summary>
public static class ParetoFront
{
    /// <summary>Whether each of <paramref name="points"/> is on the front, in the same order.</summary>
    /// <exception cref="ArgumentException">A coordinate is NaN.</exception>
    public static IReadOnlyList<bool> Membership(IReadOnlyList<ParetoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Any(p => double.IsNaN(p.X) || double.IsNaN(p.Y)))
        {
            throw new ArgumentException("A Pareto point has a NaN coordinate.", nameof(points));
        }

        var onFront = new bool[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            onFront[i] = !points.Any(q => q.X >= p.X && q.Y >= p.Y && (q.X > p.X || q.Y > p.Y));
        }

        return onFront;
    }
}
