namespace EdgeInfer.Core.Quantities;

/// <summary>
/// Guards used by every quantity constructor: one place that decides what a valid physical value is.
/// </summary>
internal static class Preconditions
{
    /// <summary>Rejects NaN and infinities.</summary>
    public static double Finite(double value, string quantity)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{quantity} must be a finite number, got {value}.");
        }

        return value;
    }

    /// <summary>Rejects NaN, infinities and negative values.</summary>
    public static double NonNegative(double value, string quantity)
    {
        Finite(value, quantity);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{quantity} must not be negative, got {value}.");
        }

        return value;
    }
}
