namespace EdgeInfer.Runtime.Profiles;

/// <summary>Finds the load above which the device beats the edge, for a difference that grows with the load. Pure.</summary>
public static class LoadThreshold
{
    /// <summary>
    /// The smallest load in [loads[0], loads[^1]] where <paramref name="deviceMinusEdge"/> (device time − edge time at
    /// that load, seconds) becomes negative: the first sweep load where it is negative is found, then the crossing is
    /// refined by 60 bisection steps between it and the previous sweep load (the edge curves are continuous).
    /// Returns loads[0] when the device is already faster there, null when it never is within the sweep.
    /// </summary>
    public static double? Find(IReadOnlyList<double> loads, Func<double, double> deviceMinusEdge)
    {
        ArgumentNullException.ThrowIfNull(loads);
        ArgumentNullException.ThrowIfNull(deviceMinusEdge);
        for (var i = 0; i < loads.Count; i++)
        {
            if (deviceMinusEdge(loads[i]) < 0)
            {
                if (i == 0)
                {
                    return loads[0];
                }

                double low = loads[i - 1], high = loads[i];
                for (var step = 0; step < 60; step++)
                {
                    var middle = (low + high) / 2;
                    if (deviceMinusEdge(middle) < 0)
                    {
                        high = middle;
                    }
                    else
                    {
                        low = middle;
                    }
                }

                return high;
            }
        }

        return null;
    }
}
