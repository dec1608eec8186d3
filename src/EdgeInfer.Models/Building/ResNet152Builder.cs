using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>
/// ResNet-152 (He et al. 2016) in torchvision's layout: 7×7/2 stem, 3×3/2 max pool, bottleneck stages of
/// 3, 8, 36 and 3 blocks (widths 64, 128, 256, 512, expansion 4) with the stride on the 3×3 conv (v1.5),
/// 1×1 projection shortcuts where the shape changes, global average pool and a 2048→1000 linear layer.
/// 60,192,808 parameters; ≈ 11.5 G MACs at 224×224.
/// </summary>
internal static class ResNet152Builder
{
    private const int Expansion = 4;
    private static readonly int[] Blocks = [3, 8, 36, 3];

    public static ModelProto Build(ulong? seed)
    {
        var b = new NetworkBuilder("resnet152");
        var x = b.ConvBnRelu(NetworkBuilder.Input, "conv1", "bn1", 3, 64, 7, stride: 2, pad: 3);
        x = b.MaxPool(x, "maxpool", 3, 2, 1);
        var inplanes = 64;
        for (var stage = 0; stage < Blocks.Length; stage++)
        {
            var planes = 64 << stage;
            for (var block = 0; block < Blocks[stage]; block++)
            {
                var stride = stage > 0 && block == 0 ? 2 : 1;
                x = Bottleneck(b, x, $"layer{stage + 1}.{block}", inplanes, planes, stride);
                inplanes = planes * Expansion;
            }
        }

        x = b.GlobalAveragePool(x, "avgpool");
        x = b.Flatten(x, "flatten");
        x = b.Gemm(x, "fc", inplanes, ModelSpecs.Classes, ModelSpecs.OutputName);
        return b.Finish(x, "resnet152", seed);
    }

    private static string Bottleneck(NetworkBuilder b, string x, string p, int inplanes, int planes, int stride)
    {
        var y = b.ConvBnRelu(x, p + ".conv1", p + ".bn1", inplanes, planes, 1);
        y = b.ConvBnRelu(y, p + ".conv2", p + ".bn2", planes, planes, 3, stride, 1);
        y = b.BatchNorm(b.Conv(y, p + ".conv3", planes, planes * Expansion, 1), p + ".bn3", planes * Expansion);
        var identity = x;
        if (stride != 1 || inplanes != planes * Expansion)
        {
            identity = b.BatchNorm(b.Conv(x, p + ".downsample.0", inplanes, planes * Expansion, 1, stride), p + ".downsample.1", planes * Expansion);
        }

        return b.Relu(b.Add(y, identity, p + ".add"), p + ".relu");
    }
}
