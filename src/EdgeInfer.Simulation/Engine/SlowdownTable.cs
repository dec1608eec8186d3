namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// S(L), the edge's slowdown under L other jobs, tabulated for L = 0 … 4095 and read in O(1): from a measured curve
/// (linear between measured loads; beyond the last one S grows linearly with the slope of the last two points, never
/// below the last value) or the processor-sharing formula S(L) = max(1, (L + 1)/c). Beyond the table: linear growth.
/// </summary>
internal sealed class SlowdownTable
{
    private const int Size = 4096;
    private readonly double[] table = new double[Size];
    private readonly double tailSlope;

    public SlowdownTable(int cores, IReadOnlyList<(int Load, double Factor)> measured)
    {
        if (measured.Count == 0)
        {
            for (var l = 0; l < Size; l++)
            {
                table[l] = Math.Max(1.0, (l + 1.0) / cores);
            }

            tailSlope = 1.0 / cores;
            return;
        }

        var points = measured.OrderBy(p => p.Load).ToArray();
        var last = points[^1];
        tailSlope = points.Length >= 2 ? Math.Max(0, (last.Factor - points[^2].Factor) / (last.Load - points[^2].Load)) : 0;
        for (var l = 0; l < Size; l++)
        {
            table[l] = Interpolate(points, l, tailSlope);
        }
    }

    public double At(int load) => load < Size ? table[load] : table[Size - 1] + ((load - Size + 1) * tailSlope);

    /// <summary>S at a fractional load (≥ 0), linear between whole loads.</summary>
    public double At(double load)
    {
        var whole = (int)Math.Floor(Math.Max(0, load));
        var low = At(whole);
        return low + ((load - whole) * (At(whole + 1) - low));
    }

    private static double Interpolate((int Load, double Factor)[] points, int load, double tailSlope)
    {
        if (load >= points[^1].Load)
        {
            return points[^1].Factor + ((load - points[^1].Load) * tailSlope);
        }

        for (var i = 1; i < points.Length; i++)
        {
            if (points[i].Load >= load)
            {
                var (la, fa) = points[i - 1];
                var (lb, fb) = points[i];
                return fa + ((load - la) * (fb - fa) / (lb - la));
            }
        }

        return points[0].Factor;
    }
}
