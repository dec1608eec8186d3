using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>A power in watts. Non-negative and finite.</summary>
public readonly record struct Watts : IComparable<Watts>
{
    /// <summary>Creates a value in watts; rejects NaN, infinities and negative powers.</summary>
    public Watts(double value) => Value = Preconditions.NonNegative(value, "Watts");

    /// <summary>The value in watts.</summary>
    public double Value { get; }

    /// <summary>Zero watts.</summary>
    public static Watts Zero => default;

    /// <summary>The sum of the two values.</summary>
    public static Watts operator +(Watts a, Watts b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static Watts operator -(Watts a, Watts b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Watts operator *(Watts a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Watts operator *(double factor, Watts a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static Watts operator /(Watts a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(Watts a, Watts b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Watts a, Watts b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Watts a, Watts b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Watts a, Watts b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Watts a, Watts b) => a.Value >= b.Value;

    /// <summary>Energy = power × time.</summary>
    public static Joules operator *(Watts power, Seconds duration) => Conversions.Energy(power, duration);

    /// <inheritdoc/>
    public int CompareTo(Watts other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " W";
}
