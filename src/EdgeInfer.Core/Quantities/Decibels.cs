using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>A ratio (gain, loss, SNR, noise figure) in decibels. Finite; may be negative.</summary>
public readonly record struct Decibels : IComparable<Decibels>
{
    /// <summary>Creates a value in decibels; rejects NaN and infinities.</summary>
    public Decibels(double value) => Value = Preconditions.Finite(value, "Decibels");

    /// <summary>The value in decibels.</summary>
    public double Value { get; }

    /// <summary>Zero decibels.</summary>
    public static Decibels Zero => default;

    public static Decibels operator +(Decibels a, Decibels b) => new(a.Value + b.Value);

    public static Decibels operator -(Decibels a, Decibels b) => new(a.Value - b.Value);

    public static Decibels operator *(Decibels a, double factor) => new(a.Value * factor);

    public static Decibels operator *(double factor, Decibels a) => new(a.Value * factor);

    public static Decibels operator /(Decibels a, double divisor) => new(a.Value / divisor);

    public static double operator /(Decibels a, Decibels b) => a.Value / b.Value;

    public static bool operator <(Decibels a, Decibels b) => a.Value < b.Value;

    public static bool operator >(Decibels a, Decibels b) => a.Value > b.Value;

    public static bool operator <=(Decibels a, Decibels b) => a.Value <= b.Value;

    public static bool operator >=(Decibels a, Decibels b) => a.Value >= b.Value;

    public int CompareTo(Decibels other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " dB";
}
