using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>An absolute power level in dBm (decibels relative to one milliwatt). Finite; may be negative.</summary>
public readonly record struct DecibelMilliwatts : IComparable<DecibelMilliwatts>
{
    /// <summary>Creates a value in dBm; rejects NaN and infinities.</summary>
    public DecibelMilliwatts(double value) => Value = Preconditions.Finite(value, "DecibelMilliwatts");

    /// <summary>The value in dBm.</summary>
    public double Value { get; }

    /// <summary>Zero dBm.</summary>
    public static DecibelMilliwatts Zero => default;

    /// <summary>Level plus gain.</summary>
    public static DecibelMilliwatts operator +(DecibelMilliwatts level, Decibels gain) => new(level.Value + gain.Value);

    /// <summary>Level minus loss.</summary>
    public static DecibelMilliwatts operator -(DecibelMilliwatts level, Decibels loss) => new(level.Value - loss.Value);

    /// <summary>Ratio of two levels, in dB.</summary>
    public static Decibels operator -(DecibelMilliwatts a, DecibelMilliwatts b) => new(a.Value - b.Value);

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(DecibelMilliwatts a, DecibelMilliwatts b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(DecibelMilliwatts a, DecibelMilliwatts b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(DecibelMilliwatts a, DecibelMilliwatts b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(DecibelMilliwatts a, DecibelMilliwatts b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(DecibelMilliwatts other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("G6", CultureInfo.InvariantCulture) + " dBm";
}
