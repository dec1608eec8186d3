using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>A length in metres. Non-negative and finite.</summary>
public readonly record struct Meters : IComparable<Meters>
{
    /// <summary>Creates a value in metres; rejects NaN, infinities and negative lengths.</summary>
    public Meters(double value) => Value = Preconditions.NonNegative(value, "Meters");

    /// <summary>The value in metres.</summary>
    public double Value { get; }

    /// <summary>Zero metres.</summary>
    public static Meters Zero => default;

    /// <summary>The sum of the two values.</summary>
    public static Meters operator +(Meters a, Meters b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static Meters operator -(Meters a, Meters b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Meters operator *(Meters a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Meters operator *(double factor, Meters a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static Meters operator /(Meters a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(Meters a, Meters b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Meters a, Meters b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Meters a, Meters b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Meters a, Meters b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Meters a, Meters b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(Meters other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " m";
}
