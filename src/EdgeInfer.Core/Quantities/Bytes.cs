using System.Globalization;

namespace EdgeInfer.Core.Quantities;

/// <summary>
/// An amount of data in bytes (whole bytes, never negative). 1 kB = 1000 bytes, 1 MB = 10^6 bytes, as in the paper.
/// </summary>
public readonly record struct Bytes : IComparable<Bytes>
{
    /// <summary>Creates an amount of data; rejects negative sizes.</summary>
    public Bytes(long value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Bytes must not be negative, got {value}.");
        }

        Value = value;
    }

    /// <summary>The number of bytes.</summary>
    public long Value { get; }

    /// <summary>The number of bits (8 per byte).</summary>
    public double Bits => Value * Conversions.BitsPerByte;

    /// <summary>Zero bytes.</summary>
    public static Bytes Zero => default;

    /// <summary>Decimal kilobytes (1 kB = 1000 bytes); fractional results are rounded to the nearest byte.</summary>
    public static Bytes FromKilobytes(double kilobytes) =>
        new(checked((long)Math.Round(Preconditions.NonNegative(kilobytes, "Kilobytes") * Conversions.BytesPerKilobyte)));

    /// <summary>Decimal megabytes (1 MB = 10^6 bytes).</summary>
    public static Bytes FromMegabytes(double megabytes) =>
        new(checked((long)Math.Round(Preconditions.NonNegative(megabytes, "Megabytes") * Conversions.BytesPerMegabyte)));

    /// <summary>The sum of the two values.</summary>
    public static Bytes operator +(Bytes a, Bytes b) => new(checked(a.Value + b.Value));

    /// <summary>The value times a count.</summary>
    public static Bytes operator *(Bytes a, long count) => new(checked(a.Value * count));

    /// <summary>Transfer time: bits over bits per second (Eqs. 1 and 4).</summary>
    public static Seconds operator /(Bytes size, BitsPerSecond rate) => Conversions.TransferTime(size, rate);

    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>.</summary>
    public static bool operator <(Bytes a, Bytes b) => a.Value < b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than <paramref name="b"/>.</summary>
    public static bool operator >(Bytes a, Bytes b) => a.Value > b.Value;

    /// <summary>Whether <paramref name="a"/> is less than or equal to <paramref name="b"/>.</summary>
    public static bool operator <=(Bytes a, Bytes b) => a.Value <= b.Value;

    /// <summary>Whether <paramref name="a"/> is greater than or equal to <paramref name="b"/>.</summary>
    public static bool operator >=(Bytes a, Bytes b) => a.Value >= b.Value;

    /// <inheritdoc/>
    public int CompareTo(Bytes other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " B";
}
