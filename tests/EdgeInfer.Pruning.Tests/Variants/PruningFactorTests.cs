using System.Text.Json;
using CsCheck;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Tests.Variants;

public sealed class PruningFactorTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.7", 70)]
    [InlineData("0.70", 70)]
    [InlineData(".5", 50)]
    [InlineData("0.99", 99)]
    [InlineData("0.05", 5)]
    public void TryParse_PlainDecimals_GivesTheFactor(string text, int hundredths)
    {
        Assert.True(PruningFactor.TryParse(text, out var factor));
        Assert.Equal(hundredths / 100.0, factor.Value);
        Assert.Equal(PruningFactor.Of(hundredths / 100.0), factor);
    }

    [Theory]
    [InlineData("+0.7")]
    [InlineData("-0.7")]
    [InlineData(" 0.7")]
    [InlineData("0.7 ")]
    [InlineData("1e-1")]
    [InlineData("0.755")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1")]
    [InlineData("1.0")]
    [InlineData("0,7")]
    [InlineData("0.7.1")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0x1")]
    [InlineData("٠.٧")]
    public void TryParse_AnythingButPlainDecimalsInRange_IsRejected(string? text)
    {
        Assert.False(PruningFactor.TryParse(text, out var factor));
        Assert.Equal(PruningFactor.Zero, factor);
    }

    [Fact]
    public void Parse_BadText_ThrowsInputExceptionNamingFieldValueAndRange()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => PruningFactor.Parse("0.755", "comparisonPruningFactor"));
        Assert.Equal("comparisonPruningFactor '0.755' is not a number in [0, 0.99] with at most two decimals.", ex.Message);
    }

    [Theory]
    [InlineData(0.7, "0.70", "0.7")]
    [InlineData(0, "0.00", "0")]
    [InlineData(0.05, "0.05", "0.05")]
    [InlineData(0.99, "0.99", "0.99")]
    public void NameAndToString_TwoDecimalsAndShortest(double value, string name, string text)
    {
        var factor = PruningFactor.Of(value);
        Assert.Equal(name, factor.Name);
        Assert.Equal(text, factor.ToString());
    }

    [Fact]
    public void NameAndToString_EveryFactor_ParseBackToTheSameFactor()
    {
        Gen.Int[0, 99].Sample(hundredths =>
        {
            var factor = PruningFactor.Of(hundredths / 100.0);
            Assert.True(PruningFactor.TryParse(factor.ToString(), out var fromText));
            Assert.True(PruningFactor.TryParse(factor.Name, out var fromName));
            Assert.Equal(factor, fromText);
            Assert.Equal(factor, fromName);
            Assert.Equal(factor.GetHashCode(), fromName.GetHashCode());
        });
    }

    [Fact]
    public void Of_SumsThatNameTheSameHundredth_AreEqual()
    {
        Assert.Equal(PruningFactor.Of(0.7), PruningFactor.Of(0.1 + 0.6));
        Assert.Equal(PruningFactor.Of(0.3), PruningFactor.Of(0.1 * 3));
        Assert.True(PruningFactor.Of(0.5) < PruningFactor.Of(0.7));
        Assert.True(PruningFactor.Zero.IsZero);
        Assert.Equal(default, PruningFactor.Zero);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0)]
    [InlineData(0.995)]
    [InlineData(0.755)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Of_NotAFactor_ThrowsArgumentOutOfRangeWithTheProblem(double value)
    {
        Assert.False(PruningFactor.TryOf(value, out _));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => PruningFactor.Of(value));
        Assert.Contains(PruningFactor.Problem(value)!, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_SaysWhetherRangeOrResolution()
    {
        Assert.Null(PruningFactor.Problem(0.7));
        Assert.Equal("1.5 is not in [0, 0.99]", PruningFactor.Problem(1.5));
        Assert.Equal("NaN is not in [0, 0.99]", PruningFactor.Problem(double.NaN));
        Assert.Equal("0.755 has more than two decimals (variants are named to 0.01)", PruningFactor.Problem(0.755));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0.755, true)]
    [InlineData(0.99, true)]
    [InlineData(0.991, false)]
    [InlineData(-1e-9, false)]
    [InlineData(double.NaN, false)]
    public void InRange_AnyResolutionWithinTheOneLimit(double value, bool expected) =>
        Assert.Equal(expected, PruningFactor.InRange(value));

    [Fact]
    public void Json_IsANumberBothWays()
    {
        Assert.Equal("0.7", JsonSerializer.Serialize(PruningFactor.Of(0.7)));
        Assert.Equal(PruningFactor.Of(0.7), JsonSerializer.Deserialize<PruningFactor>("0.70"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PruningFactor>("1.5"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PruningFactor>("\"0.7\""));
    }
}
