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

    public static Meters operator +(Meters a, Meters b) => new(a.Value + b.Value);

    public static Meters operator -(Meters a, Meters b) => new(a.Value - b.Value);

    public static Meters operator *(Meters a, double factor) => new(a.Value * factor);

    public static Meters operator *(double factor, Meters a) => new(a.Value * factor);

    public static Meters operator /(Meters a, double divisor) => new(a.Value / divisor);

    public static double operator /(Meters a, Meters b) => a.Value / b.Value;

    public static bool operator <(Meters a, Meters b) => a.Value < b.Value;

    public static bool operator >(Meters a, Meters b) => a.Value > b.Value;

    public static bool operator <=(Meters a, Meters b) => a.Value <= b.Value;

    public static bool operator >=(Meters a, Meters b) => a.Value >= b.Value;

    public int CompareTo(Meters other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " m";
}
