using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Tests.Quantities;

/// <summary>Every quantity rejects NaN and infinities; non-negative ones reject negatives, naming the unit.</summary>
public sealed class QuantityGuardTests
{
    public static TheoryData<string, Func<double, object>> NonNegativeQuantities => new()
    {
        { "Seconds", v => new Seconds(v) },
        { "Watts", v => new Watts(v) },
        { "Joules", v => new Joules(v) },
        { "WattHours", v => new WattHours(v) },
        { "BitsPerSecond", v => new BitsPerSecond(v) },
        { "Hertz", v => new Hertz(v) },
        { "Meters", v => new Meters(v) },
    };

    public static TheoryData<string, Func<double, object>> SignedQuantities => new()
    {
        { "Decibels", v => new Decibels(v) },
        { "DecibelMilliwatts", v => new DecibelMilliwatts(v) },
    };

    [Theory]
    [MemberData(nameof(NonNegativeQuantities))]
    [MemberData(nameof(SignedQuantities))]
    public void Constructor_NaN_ThrowsNamingUnit(string unit, Func<double, object> create)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => create(double.NaN));
        Assert.Contains(unit + " must be a finite number", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonNegativeQuantities))]
    [MemberData(nameof(SignedQuantities))]
    public void Constructor_Infinity_ThrowsNamingUnit(string unit, Func<double, object> create)
    {
        Assert.Contains(unit, Assert.Throws<ArgumentOutOfRangeException>(() => create(double.PositiveInfinity)).Message, StringComparison.Ordinal);
        Assert.Contains(unit, Assert.Throws<ArgumentOutOfRangeException>(() => create(double.NegativeInfinity)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonNegativeQuantities))]
    public void Constructor_Negative_ThrowsNamingUnitAndValue(string unit, Func<double, object> create)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => create(-0.5));
        Assert.Contains(unit + " must not be negative, got -0.5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonNegativeQuantities))]
    public void Constructor_Zero_IsAccepted(string unit, Func<double, object> create)
    {
        Assert.NotNull(unit);
        Assert.NotNull(create(0.0));
    }

    [Theory]
    [MemberData(nameof(SignedQuantities))]
    public void Constructor_NegativeLevel_IsAccepted(string unit, Func<double, object> create)
    {
        Assert.NotNull(unit);
        Assert.NotNull(create(-174.0));
    }

    [Fact]
    public void Bytes_Negative_ThrowsWithValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Bytes(-1));
        Assert.Contains("Bytes must not be negative, got -1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_FromKilobytesNaN_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bytes.FromKilobytes(double.NaN));

    [Fact]
    public void Seconds_SubtractionBelowZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Seconds(1) - new Seconds(2));

    [Fact]
    public void Bytes_MultiplyOverflow_Throws() =>
        Assert.Throws<OverflowException>(() => new Bytes(long.MaxValue / 2) * 3);
}
