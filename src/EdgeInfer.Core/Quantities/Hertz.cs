using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>A frequency or bandwidth in hertz. Non-negative and finite.</summary>
public readonly record struct Hertz : IComparable<Hertz>
{
    /// <summary>Creates a value in hertz; rejects NaN, infinities and negative frequencies.</summary>
    public Hertz(double value) => Value = Preconditions.NonNegative(value, "Hertz");

    /// <summary>The value in hertz.</summary>
    public double Value { get; }

    /// <summary>Zero hertz.</summary>
    public static Hertz Zero => default;

    /// <summary>The sum of the two values.</summary>
    public static Hertz operator +(Hertz a, Hertz b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static Hertz operator -(Hertz a, Hertz b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Hertz operator *(Hertz a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Hertz operator *(double factor, Hertz a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static Hertz operator /(Hertz a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(Hertz a, Hertz b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Hertz a, Hertz b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Hertz a, Hertz b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Hertz a, Hertz b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Hertz a, Hertz b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(Hertz other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " Hz";
}
