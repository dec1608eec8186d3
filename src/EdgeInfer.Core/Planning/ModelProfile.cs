using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>A model with its full and pruned variants. Default: the example (MobileNet-like numbers).</summary>
public sealed record ModelProfile
{
    /// <summary>Display name. Default "mobilenet".</summary>
    public string Name { get; init; } = "mobilenet";

    /// <summary>The full model. Default 16.9 MB, 0.05 s on the device, 0.40 s at the edge, top-1 0.70.</summary>
    public ModelVariantCosts Full { get; init; } = new()
    {
        Size = new Bytes(16_900_000),
        DeviceInference = new Seconds(0.05),
        EdgeInference = new Seconds(0.40),
        Top1 = 0.70,
    };

    /// <summary>The pruned model. Default pf 0.7, 5.6 MB, 0.03 s on the device, 0.25 s at the edge, 2 s to prune, top-1 0.68.</summary>
    public ModelVariantCosts Pruned { get; init; } = new()
    {
        Size = new Bytes(5_600_000),
        DeviceInference = new Seconds(0.03),
        EdgeInference = new Seconds(0.25),
        Prune = new Seconds(2.0),
        Top1 = 0.68,
        PruningFactor = 0.7,
    };
}
