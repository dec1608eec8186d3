using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>A duration in seconds (SI). Non-negative and finite.</summary>
public readonly record struct Seconds : IComparable<Seconds>
{
    /// <summary>Creates a value in seconds; rejects NaN, infinities and negative durations.</summary>
    public Seconds(double value) => Value = Preconditions.NonNegative(value, "Seconds");

    /// <summary>The value in seconds.</summary>
    public double Value { get; }

    /// <summary>Zero seconds.</summary>
    public static Seconds Zero => default;

    public static Seconds operator +(Seconds a, Seconds b) => new(a.Value + b.Value);

    public static Seconds operator -(Seconds a, Seconds b) => new(a.Value - b.Value);

    public static Seconds operator *(Seconds a, double factor) => new(a.Value * factor);

    public static Seconds operator *(double factor, Seconds a) => new(a.Value * factor);

    public static Seconds operator /(Seconds a, double divisor) => new(a.Value / divisor);

    public static double operator /(Seconds a, Seconds b) => a.Value / b.Value;

    public static bool operator <(Seconds a, Seconds b) => a.Value < b.Value;

    public static bool operator >(Seconds a, Seconds b) => a.Value > b.Value;

    public static bool operator <=(Seconds a, Seconds b) => a.Value <= b.Value;

    public static bool operator >=(Seconds a, Seconds b) => a.Value >= b.Value;

    public int CompareTo(Seconds other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " s";
}
