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

    /// <summary>The sum of the two values.</summary>
    public static Seconds operator +(Seconds a, Seconds b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static Seconds operator -(Seconds a, Seconds b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Seconds operator *(Seconds a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static Seconds operator *(double factor, Seconds a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static Seconds operator /(Seconds a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(Seconds a, Seconds b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Seconds a, Seconds b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Seconds a, Seconds b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Seconds a, Seconds b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Seconds a, Seconds b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(Seconds other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " s";
}
