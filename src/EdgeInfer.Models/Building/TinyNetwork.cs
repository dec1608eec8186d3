using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>
/// A tiny network under the catalog contract (<see cref="ModelSpecs"/>: <c>input</c> [N,3,224,224] → <c>logits</c>
/// [N,1000]) with every operator the catalog models use: Conv (strided, depthwise and pointwise), BatchNormalization,
/// Relu, MaxPool, Add (residual), Concat (dense), AveragePool, GlobalAveragePool, Flatten, Gemm; 17,400 parameters. For
/// initialising ONNX Runtime's kernels before timing anything, and for cheap tests.
/// </summary>
public static class TinyNetwork
{
    /// <summary>Builds it with seeded weights.</summary>
    public static ModelProto Build(ulong seed = 1)
    {
        var b = new NetworkBuilder("edgeinfer-tiny");
        var x = b.ConvBnRelu(NetworkBuilder.Input, "conv", "bn", 3, 8, 3, stride: 2, pad: 1);
        x = b.MaxPool(x, "maxpool", 3, 2, 1);
        var depthwise = b.ConvBnRelu(x, "dw", "dw_bn", 8, 8, 3, pad: 1, group: 8);
        var pointwise = b.ConvBnRelu(depthwise, "pw", "pw_bn", 8, 8, 1);
        var joined = b.Concat([b.Add(x, pointwise, "residual"), pointwise], "concat");
        x = b.AveragePool(joined, "avgpool", 2, 2);
        x = b.Flatten(b.GlobalAveragePool(x, "pool"), "flatten");
        return b.Finish(b.Gemm(x, "fc", 16, ModelSpecs.Classes, ModelSpecs.OutputName), "tiny", seed);
    }
}
