using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Tests.Variants;

public sealed class ModelVariantTests
{
    [Fact]
    public void Full_IsNamedFullAndAsksForNothing()
    {
        var full = ModelVariant.Full("mobilenet");
        Assert.True(full.IsFull);
        Assert.Null(full.Method);
        Assert.Equal(PruningFactor.Zero, full.Factor);
        Assert.Equal("full", full.Name);
        Assert.Equal("", full.Query);
        Assert.Equal("mobilenet/full", full.ToString());
    }

    [Theory]
    [InlineData(PruningMethod.Global, 0.7, "global-0.70", "pf=0.7&method=global")]
    [InlineData(PruningMethod.Layer, 0.5, "layer-0.50", "pf=0.5&method=layer")]
    [InlineData(PruningMethod.Channel, 0.05, "channel-0.05", "pf=0.05&method=channel")]
    [InlineData(PruningMethod.Global, 0.99, "global-0.99", "pf=0.99&method=global")]
    public void Pruned_NameHasTwoDecimalsAndQueryTheShortestPf(PruningMethod method, double pf, string name, string query)
    {
        var variant = ModelVariant.Pruned("resnet152", method, PruningFactor.Of(pf));
        Assert.False(variant.IsFull);
        Assert.Equal(name, variant.Name);
        Assert.Equal(query, variant.Query);
        Assert.Equal($"resnet152/{name}", variant.ToString());
    }

    [Fact]
    public void Pruned_AtZero_IsTheFullModelWhateverTheMethod()
    {
        foreach (var method in Enum.GetValues<PruningMethod>())
        {
            Assert.Equal(ModelVariant.Full("m"), ModelVariant.Pruned("m", method, PruningFactor.Zero));
        }
    }

    [Fact]
    public void NameAndTryParseName_EveryMethodAndFactor_RoundTrip()
    {
        foreach (var method in Enum.GetValues<PruningMethod>())
        {
            for (var hundredths = 1; hundredths <= 99; hundredths++)
            {
                var variant = ModelVariant.Pruned("m", method, PruningFactor.Of(hundredths / 100.0));
                Assert.True(ModelVariant.TryParseName("m", variant.Name, out var parsed), variant.Name);
                Assert.Equal(variant, parsed);
                Assert.Equal(variant.GetHashCode(), parsed.GetHashCode());
            }
        }

        Assert.True(ModelVariant.TryParseName("m", "full", out var full));
        Assert.Equal(ModelVariant.Full("m"), full);
    }

    [Theory]
    [InlineData("global-0.7")]
    [InlineData("GLOBAL-0.70")]
    [InlineData("global-.70")]
    [InlineData("global-0.700")]
    [InlineData("Full")]
    [InlineData("global-0.00")]
    [InlineData("global-0")]
    [InlineData("global-1.00")]
    [InlineData("global-0.755")]
    [InlineData("global")]
    [InlineData("global-")]
    [InlineData("-0.70")]
    [InlineData("imported")]
    [InlineData("random-0.70")]
    [InlineData("global--0.70")]
    [InlineData("global-+0.70")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseName_OnlyCanonicalNamesAreVariants(string? name) =>
        Assert.False(ModelVariant.TryParseName("m", name, out _));

    [Theory]
    [InlineData("global-0.70", "global", "0.70")]
    [InlineData("channel-data-0.50", "channel-data", "0.50")]
    [InlineData("a-b-c-0.05", "a-b-c", "0.05")]
    public void TrySplitName_SplitsAtTheLastDash(string name, string method, string factor)
    {
        Assert.True(ModelVariant.TrySplitName(name, out var m, out var f));
        Assert.Equal(method, m);
        Assert.Equal(factor, f);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("-0.70")]
    [InlineData("global-")]
    [InlineData(null)]
    public void TrySplitName_WithoutTextOnBothSidesOfADash_IsFalse(string? name) =>
        Assert.False(ModelVariant.TrySplitName(name, out _, out _));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("0", "channel")]
    [InlineData("0.00", null)]
    public void FromRequest_NoPfOrZero_IsTheFullModel(string? pf, string? method) =>
        Assert.Equal(ModelVariant.Full("mobilenet"), ModelVariant.FromRequest("mobilenet", pf, method));

    [Fact]
    public void FromRequest_PfWithoutMethod_IsGlobal()
    {
        Assert.Equal(ModelVariant.Pruned("m", PruningMethod.Global, PruningFactor.Of(0.7)), ModelVariant.FromRequest("m", "0.7", null));
        Assert.Equal(ModelVariant.Pruned("m", PruningMethod.Channel, PruningFactor.Of(0.5)), ModelVariant.FromRequest("m", "0.50", "Channel"));
    }

    [Theory]
    [InlineData("../etc", "0.7", "global", "model name '../etc' is not allowed")]
    [InlineData("m", "1.5", "global", "pf '1.5' is not a number in [0, 0.99] with at most two decimals.")]
    [InlineData("m", "0.755", "global", "pf '0.755' is not a number")]
    [InlineData("m", "1e-1", "global", "pf '1e-1' is not a number")]
    [InlineData("m", "0.7", "random", "method 'random' is not one of global, layer, channel, channel-ls, int8, global+int8,")]
    [InlineData("m", "0.7", "int8", "method 'int8' quantizes the full model")]
    public void FromRequest_BadValue_InputExceptionNamingIt(string model, string pf, string method, string expected)
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ModelVariant.FromRequest(model, pf, method));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRequest_EmptyModelName_NamesIt()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ModelVariant.FromRequest("", "0.7", null));
        Assert.Contains("model name is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRequest_OfItsOwnQuery_IsTheSameVariant()
    {
        foreach (var method in Enum.GetValues<PruningMethod>())
        {
            var variant = ModelVariant.Pruned("m", method, PruningFactor.Of(0.35));
            var query = variant.Query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal(variant, ModelVariant.FromRequest("m", query["pf"], query["method"]));
        }
    }

    [Fact]
    public void Json_RoundTripsAndRejectsWhatIsNotAVariant()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var pruned = ModelVariant.Pruned("m", PruningMethod.Channel, PruningFactor.Of(0.7));
        var json = JsonSerializer.Serialize(pruned, options);
        Assert.Equal("""{"model":"m","method":"channel","pruningFactor":0.7}""", json);
        Assert.Equal(pruned, JsonSerializer.Deserialize<ModelVariant>(json, options));
        Assert.Equal(ModelVariant.Full("m"), JsonSerializer.Deserialize<ModelVariant>("""{"model":"m","method":null,"pruningFactor":0}""", options));
        Assert.Equal(ModelVariant.Full("m"), JsonSerializer.Deserialize<ModelVariant>("""{"Model":"m"}""", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelVariant>("""{"model":"m","method":"channel","pruningFactor":0.755}""", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelVariant>("""{"model":"m","method":null,"pruningFactor":0.7}""", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelVariant>("""{"method":"global","pruningFactor":0.7}""", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ModelVariant>("\"m/full\"", options));
    }

    [Fact]
    public void Constructors_EmptyModel_IsACallerBug()
    {
        Assert.ThrowsAny<ArgumentException>(() => ModelVariant.Full(""));
        Assert.ThrowsAny<ArgumentException>(() => ModelVariant.Pruned(null!, PruningMethod.Global, PruningFactor.Of(0.5)));
    }

    [Theory]
    [InlineData("int8", null, "int8", "method=int8")]
    [InlineData("channel-ls-0.50", PruningMethod.ChannelLs, "channel-ls", "pf=0.5&method=channel-ls")]
    [InlineData("channel-ls+int8-0.30", PruningMethod.ChannelLs, "channel-ls+int8", "pf=0.3&method=channel-ls+int8")]
    [InlineData("channel-ls-macs0.50", PruningMethod.ChannelLs, "channel-ls", "macs=0.5&method=channel-ls")]
    [InlineData("channel+int8-macs0.35", PruningMethod.Channel, "channel+int8", "macs=0.35&method=channel+int8")]
    [InlineData("global+int8-0.70", PruningMethod.Global, "global+int8", "pf=0.7&method=global+int8")]
    public void NewKinds_NameParsesBackAndTheQueryAsksForTheSameVariant(string name, PruningMethod? method, string kind, string query)
    {
        Assert.True(ModelVariant.TryParseName("m", name, out var variant), name);
        Assert.Equal(name, variant.Name);
        Assert.Equal(method, variant.Method);
        Assert.Equal(kind, variant.Kind);
        Assert.Equal(query, variant.Query);
        Assert.False(variant.IsFull);
        Assert.Equal(name.Contains("int8", StringComparison.Ordinal), variant.IsQuantized);
        Assert.True(variant.NeedsCalibration == (variant.IsQuantized || method == PruningMethod.ChannelLs));

        var parts = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var requested = ModelVariant.FromRequest("m", parts.GetValueOrDefault("pf"), parts["method"], parts.GetValueOrDefault("macs"));
        Assert.Equal(variant, requested);

        var json = JsonSerializer.Serialize(variant);
        Assert.Equal(variant, JsonSerializer.Deserialize<ModelVariant>(json));
    }

    [Theory]
    [InlineData("global-macs0.50")]
    [InlineData("channel-ls-macs0.5")]
    [InlineData("channel-ls-macs1.00")]
    [InlineData("channel-ls-macs0.00")]
    [InlineData("int8+channel-0.50")]
    [InlineData("INT8")]
    [InlineData("channel-ls+INT8-0.50")]
    [InlineData("channel-ls+int8")]
    public void TryParseName_NonCanonicalOrImpossibleNewKinds_AreFalse(string name) =>
        Assert.False(ModelVariant.TryParseName("m", name, out _));

    [Fact]
    public void FromRequest_BudgetRules()
    {
        Assert.Equal(
            ModelVariant.Budgeted("m", PruningMethod.ChannelLs, MacsBudget.Of(0.5)).WithPrecision(Precision.Int8),
            ModelVariant.FromRequest("m", null, "CHANNEL-LS+INT8", "0.5"));
        Assert.Contains("not both", Assert.Throws<EdgeInferInputException>(() => ModelVariant.FromRequest("m", "0.5", "channel-ls", "0.5")).Message,
            StringComparison.Ordinal);
        Assert.Contains("structured", Assert.Throws<EdgeInferInputException>(() => ModelVariant.FromRequest("m", null, "global", "0.5")).Message,
            StringComparison.Ordinal);
        Assert.Contains("macs '1.5'", Assert.Throws<EdgeInferInputException>(() => ModelVariant.FromRequest("m", null, "channel", "1.5")).Message,
            StringComparison.Ordinal);
        Assert.Equal(ModelVariant.Full("m"), ModelVariant.Full("m").WithPrecision(Precision.Int8).Unquantized);
    }
}
