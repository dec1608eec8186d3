using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>An energy in joules. Non-negative and finite.</summary>
public readonly record struct Joules : IComparable<Joules>
{
    /// <summary>Creates a value in joules; rejects NaN, infinities and negative energies.</summary>
    public Joules(double value) => Value = Preconditions.NonNegative(value, "Joules");

    /// <summary>The value in joules.</summary>
    public double Value { get; }

    /// <summary>Zero joules.</summary>
    public static Joules Zero => default;

    /// <summary>The sum of the two values.</summary>
    public static Joules operator +(Joules a, Joules b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static Joules operator -(Joules a, Joules b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Joules operator *(Joules a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Joules operator *(double factor, Joules a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static Joules operator /(Joules a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(Joules a, Joules b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Joules a, Joules b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Joules a, Joules b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Joules a, Joules b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Joules a, Joules b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(Joules other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " J";
}
