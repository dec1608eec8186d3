using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>A data rate in bits per second. Non-negative and finite.</summary>
public readonly record struct BitsPerSecond : IComparable<BitsPerSecond>
{
    /// <summary>Creates a value in bits per second; rejects NaN, infinities and negative rates.</summary>
    public BitsPerSecond(double value) => Value = Preconditions.NonNegative(value, "BitsPerSecond");

    /// <summary>The value in bits per second.</summary>
    public double Value { get; }

    /// <summary>Zero bits per second.</summary>
    public static BitsPerSecond Zero => default;

    /// <summary>The sum of the two values.</summary>
    public static BitsPerSecond operator +(BitsPerSecond a, BitsPerSecond b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static BitsPerSecond operator -(BitsPerSecond a, BitsPerSecond b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static BitsPerSecond operator *(BitsPerSecond a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static BitsPerSecond operator *(double factor, BitsPerSecond a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static BitsPerSecond operator /(BitsPerSecond a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(BitsPerSecond a, BitsPerSecond b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(BitsPerSecond a, BitsPerSecond b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(BitsPerSecond a, BitsPerSecond b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(BitsPerSecond a, BitsPerSecond b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(BitsPerSecond a, BitsPerSecond b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(BitsPerSecond other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " bit/s";
}
