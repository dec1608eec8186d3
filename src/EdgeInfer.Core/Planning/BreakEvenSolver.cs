namespace EdgeInfer.Core.Planning;

/// <summary>Smallest integer Q at which one lifetime cost line is strictly below another, in O(1).</summary>
public static class BreakEvenSolver
{
    /// <summary>
    /// The smallest Q in [1, <paramref name="maxRequests"/>] with <paramref name="candidate"/>.At(Q) &lt; <paramref name="reference"/>.At(Q), or null.
    /// With f(Q) = reference − candidate = A + B·Q: if B ≤ 0, f never grows, so only Q = 1 can qualify; if B &gt; 0,
    /// Q = ⌊−A/B⌋ + 1, then nudged by at most a step or two so that it agrees with <see cref="Line.At"/> in floating point.
    /// </summary>
    public static long? FirstCheaper(Line candidate, Line reference, long maxRequests = BreakEven.MaxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequests, 1);
        if (Cheaper(candidate, reference, 1))
        {
            return 1;
        }

        var slope = reference.Slope - candidate.Slope;
        if (!(slope > 0) || !Cheaper(candidate, reference, maxRequests))
        {
            // f(1) ≤ 0 and f does not grow (or has not turned positive by the bound).
            return null;
        }

        // Here f(1) ≤ 0 < f(max), so the root −A/B lies in [1, max).
        var root = (candidate.Intercept - reference.Intercept) / slope;
        var q = Math.Clamp((long)Math.Floor(root) + 1, 2, maxRequests);
        while (q > 2 && Cheaper(candidate, reference, q - 1))
        {
            q--;
        }

        while (q < maxRequests && !Cheaper(candidate, reference, q))
        {
            q++;
        }

        return q;
    }

    private static bool Cheaper(Line candidate, Line reference, long requests) => candidate.At(requests) < reference.At(requests);
}
