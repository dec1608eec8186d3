using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>
/// DenseNet-201 (Huang et al. 2017, DenseNet-BC) in torchvision's layout: growth rate 32, bottleneck width
/// bn_size·growth = 128, dense blocks of 6, 12, 48 and 32 layers, compression 0.5 in the transitions, pre-activation
/// ordering BN → ReLU → Conv, a final BatchNorm + ReLU, global average pool and a 1920→1000 linear layer.
/// 20,013,928 parameters; ≈ 4.3 G MACs at 224×224.
/// </summary>
internal static class DenseNet201Builder
{
    private const int Growth = 32;
    private const int BottleneckSize = 4;
    private static readonly int[] Blocks = [6, 12, 48, 32];

    public static ModelProto Build(ulong? seed)
    {
        var b = new NetworkBuilder("densenet201");
        var x = b.ConvBnRelu(NetworkBuilder.Input, "features.conv0", "features.norm0", 3, 64, 7, stride: 2, pad: 3);
        x = b.MaxPool(x, "features.pool0", 3, 2, 1);
        var channels = 64;
        for (var block = 0; block < Blocks.Length; block++)
        {
            var features = new List<string> { x };
            for (var layer = 0; layer < Blocks[block]; layer++)
            {
                var p = $"features.denseblock{block + 1}.denselayer{layer + 1}";
                var input = features.Count == 1 ? features[0] : b.Concat(features, p + ".concat");
                var inC = channels + (layer * Growth);
                var y = b.Conv(b.Relu(b.BatchNorm(input, p + ".norm1", inC), p + ".relu1"), p + ".conv1", inC, BottleneckSize * Growth, 1);
                y = b.Conv(b.Relu(b.BatchNorm(y, p + ".norm2", BottleneckSize * Growth), p + ".relu2"), p + ".conv2", BottleneckSize * Growth, Growth, 3, 1, 1);
                features.Add(y);
            }

            channels += Blocks[block] * Growth;
            x = b.Concat(features, $"features.denseblock{block + 1}.concat");
            if (block != Blocks.Length - 1)
            {
                var p = $"features.transition{block + 1}";
                x = b.Conv(b.Relu(b.BatchNorm(x, p + ".norm", channels), p + ".relu"), p + ".conv", channels, channels / 2, 1);
                x = b.AveragePool(x, p + ".pool", 2, 2);
                channels /= 2;
            }
        }

        x = b.Relu(b.BatchNorm(x, "features.norm5", channels), "features.relu5");
        x = b.GlobalAveragePool(x, "avgpool");
        x = b.Flatten(x, "flatten");
        x = b.Gemm(x, "classifier", channels, ModelSpecs.Classes, ModelSpecs.OutputName);
        return b.Finish(x, "densenet201", seed);
    }
}
