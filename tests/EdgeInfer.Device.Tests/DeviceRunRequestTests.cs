using EdgeInfer.Device.Execution;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Tests;

public sealed class DeviceRunRequestTests
{
    private static DeviceRunRequest Request(ModelVariant? variant) => new() { Edge = new Uri("http://127.0.0.1:1"), Model = "mobilenet", Variant = variant };

    [Fact]
    public void PrunedVariant_AnyKindGiven_IsThatVariant()
    {
        var variant = ModelVariant.FromRequest("mobilenet", null, "channel-ls+int8", "0.5");

        var request = Request(variant);

        Assert.Empty(request.Problems());
        Assert.Equal("channel-ls+int8-macs0.50", request.PrunedVariant.Name);
        Assert.Equal("macs=0.5&method=channel-ls%2Bint8", request.PrunedVariant.Query);
    }

    [Fact]
    public void PrunedVariant_NoneGiven_IsMethodAtPf() =>
        Assert.Equal("global-0.70", Request(null).PrunedVariant.Name);

    [Fact]
    public void Problems_FullOrOtherModelsVariant_AreNamed()
    {
        Assert.Contains("variant mobilenet/full is not a pruned or quantized variant of mobilenet", Request(ModelVariant.Full("mobilenet")).Problems());
        Assert.Contains(
            "variant resnet152/int8 is not a pruned or quantized variant of mobilenet",
            Request(ModelVariant.Full("resnet152").WithPrecision(Precision.Int8)).Problems());
    }
}
