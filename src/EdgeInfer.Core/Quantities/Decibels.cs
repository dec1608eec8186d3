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

    /// <summary>The sum of the two values.</summary>
    public static Decibels operator +(Decibels a, Decibels b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static Decibels operator -(Decibels a, Decibels b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Decibels operator *(Decibels a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Decibels operator *(double factor, Decibels a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static Decibels operator /(Decibels a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(Decibels a, Decibels b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Decibels a, Decibels b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Decibels a, Decibels b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Decibels a, Decibels b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Decibels a, Decibels b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(Decibels other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " dB";
}
