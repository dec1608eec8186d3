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

    public static Joules operator +(Joules a, Joules b) => new(a.Value + b.Value);

    public static Joules operator -(Joules a, Joules b) => new(a.Value - b.Value);

    public static Joules operator *(Joules a, double factor) => new(a.Value * factor);

    public static Joules operator *(double factor, Joules a) => new(a.Value * factor);

    public static Joules operator /(Joules a, double divisor) => new(a.Value / divisor);

    public static double operator /(Joules a, Joules b) => a.Value / b.Value;

    public static bool operator <(Joules a, Joules b) => a.Value < b.Value;

    public static bool operator >(Joules a, Joules b) => a.Value > b.Value;

    public static bool operator <=(Joules a, Joules b) => a.Value <= b.Value;

    public static bool operator >=(Joules a, Joules b) => a.Value >= b.Value;

    public int CompareTo(Joules other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " J";
}
