using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Tests.Variants;

public sealed class PruningMethodsTests
{
    [Fact]
    public void Names_OnePerMethodInDeclarationOrder()
    {
        Assert.Equal(["global", "layer", "channel", "channel-ls"], PruningMethods.Names);
        Assert.Equal(Enum.GetValues<PruningMethod>().Select(m => m.Name()), PruningMethods.Names);
    }

    [Fact]
    public void NameAndTryParse_EveryMethod_RoundTrips()
    {
        foreach (var method in Enum.GetValues<PruningMethod>())
        {
            Assert.True(PruningMethods.TryParse(method.Name(), out var parsed));
            Assert.Equal(method, parsed);
            Assert.True(PruningMethods.TryParse(method.Name().ToUpperInvariant(), out var upper));
            Assert.Equal(method, upper);
        }
    }

    [Theory]
    [InlineData(" global")]
    [InlineData("global ")]
    [InlineData("random")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("Global1")]
    public void TryParse_NotAName_IsRejected(string? text) => Assert.False(PruningMethods.TryParse(text, out _));

    [Fact]
    public void Parse_NotAName_ThrowsInputExceptionNamingFieldValueAndChoices()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => PruningMethods.Parse("random", "pruningMethod"));
        Assert.Equal("pruningMethod 'random' is not one of global, layer, channel, channel-ls.", ex.Message);
    }

    [Fact]
    public void Name_UndefinedMember_IsACallerBug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PruningMethod)42).Name());

    [Fact]
    public void Json_IsTheNameBothWays()
    {
        Assert.Equal("\"channel\"", JsonSerializer.Serialize(PruningMethod.Channel));
        Assert.Equal(PruningMethod.Layer, JsonSerializer.Deserialize<PruningMethod>("\"Layer\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PruningMethod>("\"random\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PruningMethod>("1"));
    }
}
