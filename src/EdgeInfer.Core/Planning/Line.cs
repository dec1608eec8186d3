namespace EdgeInfer.Core.Planning;

/// <summary>A lifetime cost as a line in Q: Intercept + Slope·Q (paid once + paid per request). Units are the caller's.</summary>
public readonly record struct Line(double Intercept, double Slope)
{
    /// <summary>The cost of <paramref name="requests"/> requests.</summary>
    public double At(long requests) => Intercept + (Slope * requests);
}
