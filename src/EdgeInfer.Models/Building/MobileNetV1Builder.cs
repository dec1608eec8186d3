using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>
/// MobileNet v1 (Howard et al. 2017, Table 1), width multiplier 1.0, 224×224: a 3×3/2 conv to 32 channels, then 13
/// depthwise-separable blocks (3×3 depthwise conv + BN + ReLU, 1×1 pointwise conv + BN + ReLU), global average pool
/// and a 1024→1000 linear layer. 4,231,976 parameters; ≈ 0.57 G MACs.
/// </summary>
internal static class MobileNetV1Builder
{
    /// <summary>(output channels, depthwise stride) of the 13 separable blocks, from Table 1 of the paper.</summary>
    private static readonly (int Out, int Stride)[] Separable =
    [
        (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
        (512, 1), (512, 1), (512, 1), (512, 1), (512, 1),
        (1024, 2), (1024, 1),
    ];

    public static ModelProto Build(ulong? seed)
    {
        var b = new NetworkBuilder("mobilenet-v1");
        var x = b.ConvBnRelu(NetworkBuilder.Input, "features.0.conv", "features.0.bn", 3, 32, 3, stride: 2, pad: 1);
        var channels = 32;
        for (var i = 0; i < Separable.Length; i++)
        {
            var (outC, stride) = Separable[i];
            var p = $"features.{i + 1}";
            x = b.ConvBnRelu(x, p + ".dw", p + ".dw_bn", channels, channels, 3, stride, 1, group: channels);
            x = b.ConvBnRelu(x, p + ".pw", p + ".pw_bn", channels, outC, 1);
            channels = outC;
        }

        x = b.GlobalAveragePool(x, "avgpool");
        x = b.Flatten(x, "flatten");
        x = b.Gemm(x, "fc", channels, ModelSpecs.Classes, ModelSpecs.OutputName);
        return b.Finish(x, "mobilenet-v1", seed);
    }
}
