using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>An energy in watt-hours (battery capacities). Non-negative and finite.</summary>
public readonly record struct WattHours : IComparable<WattHours>
{
    /// <summary>Creates a value in watt-hours; rejects NaN, infinities and negative energies.</summary>
    public WattHours(double value) => Value = Preconditions.NonNegative(value, "WattHours");

    /// <summary>The value in watt-hours.</summary>
    public double Value { get; }

    /// <summary>Zero watt-hours.</summary>
    public static WattHours Zero => default;

    /// <summary>The sum of the two values.</summary>
    public static WattHours operator +(WattHours a, WattHours b) => new(a.Value + b.Value);

    /// <summary>The difference of the two values.</summary>
    public static WattHours operator -(WattHours a, WattHours b) => new(a.Value - b.Value);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static WattHours operator *(WattHours a, double factor) => new(a.Value * factor);

    /// <summary>The value scaled by a dimensionless factor.</summary>
    public static WattHours operator *(double factor, WattHours a) => new(a.Value * factor);

    /// <summary>The value divided by a dimensionless divisor.</summary>
    public static WattHours operator /(WattHours a, double divisor) => new(a.Value / divisor);

    /// <summary>The dimensionless ratio of the two values.</summary>
    public static double operator /(WattHours a, WattHours b) => a.Value / b.Value;

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(WattHours a, WattHours b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(WattHours a, WattHours b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(WattHours a, WattHours b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(WattHours a, WattHours b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(WattHours other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " Wh";
}
