using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>
/// A tiny network under the catalog contract (<see cref="ModelSpecs"/>: <c>input</c> [N,3,224,224] → <c>logits</c>
/// [N,1000]) with the catalog models' operators: Conv (stride 2), BatchNormalization, Relu, GlobalAveragePool, Flatten,
/// Gemm; about 8 k parameters. For initialising ONNX Runtime before timing anything, and for cheap tests.
/// </summary>
public static class TinyNetwork
{
    /// <summary>Builds it with seeded weights.</summary>
    public static ModelProto Build(ulong seed = 1)
    {
        var builder = new NetworkBuilder("edgeinfer-tiny");
        var x = builder.ConvBnRelu(NetworkBuilder.Input, "conv", "bn", 3, 8, 3, stride: 2, pad: 1);
        x = builder.Flatten(builder.GlobalAveragePool(x, "pool"), "flatten");
        return builder.Finish(builder.Gemm(x, "fc", 8, ModelSpecs.Classes, ModelSpecs.OutputName), "tiny", seed);
    }
}
