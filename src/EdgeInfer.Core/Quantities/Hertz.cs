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

    public static Hertz operator +(Hertz a, Hertz b) => new(a.Value + b.Value);

    public static Hertz operator -(Hertz a, Hertz b) => new(a.Value - b.Value);

    public static Hertz operator *(Hertz a, double factor) => new(a.Value * factor);

    public static Hertz operator *(double factor, Hertz a) => new(a.Value * factor);

    public static Hertz operator /(Hertz a, double divisor) => new(a.Value / divisor);

    public static double operator /(Hertz a, Hertz b) => a.Value / b.Value;

    public static bool operator <(Hertz a, Hertz b) => a.Value < b.Value;

    public static bool operator >(Hertz a, Hertz b) => a.Value > b.Value;

    public static bool operator <=(Hertz a, Hertz b) => a.Value <= b.Value;

    public static bool operator >=(Hertz a, Hertz b) => a.Value >= b.Value;

    public int CompareTo(Hertz other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " Hz";
}
