using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>Tiny ResNet-, DenseNet- and MobileNet-like graphs; input [1, 3, 16, 16], output [1, 10].</summary>
internal static class TestModels
{
    public static readonly long[] InputShape = [1, 3, 16, 16];

    /// <summary>Stem, two bottlenecks (one with a projection shortcut), classifier.</summary>
    public static ModelProto ResNetLike(int seed = 1, bool floatData = false)
    {
        var g = new GraphBuilder(seed, floatData);
        var x = g.ConvBnRelu(g.Input("input", InputShape), 3, 16, 3);
        x = Bottleneck(g, x, 16, 8, 32, projection: true);
        x = Bottleneck(g, x, 32, 8, 32, projection: false);
        g.Classifier(x, 32, 10);
        return g.Build(1, 10);
    }

    /// <summary>Stem, one dense block of two layers (BN-Relu-1×1-BN-Relu-3×3, Concat), transition, classifier.</summary>
    public static ModelProto DenseNetLike(int seed = 2, bool floatData = false)
    {
        var g = new GraphBuilder(seed, floatData);
        var x = g.ConvBnRelu(g.Input("input", InputShape), 3, 16, 3);
        long channels = 16;
        for (var layer = 0; layer < 2; layer++)
        {
            var y = g.Node("Relu", [g.BatchNorm(x, channels)]);
            y = g.ConvBnRelu(y, channels, 32, 1);
            y = g.Conv(y, 32, 8, 3);
            x = g.Node("Concat", [x, y], GraphBuilder.Int("axis", 1));
            channels += 8;
        }

        x = g.Node("Relu", [g.BatchNorm(x, channels)]);
        x = g.Conv(x, channels, 16, 1);
        x = g.Node("AveragePool", [x], GraphBuilder.Ints("kernel_shape", 2, 2), GraphBuilder.Ints("strides", 2, 2));
        g.Classifier(x, 16, 10);
        return g.Build(1, 10);
    }

    /// <summary>Stem then depthwise-separable blocks (dw 3×3 with group = channels, pointwise 1×1), classifier.</summary>
    public static ModelProto MobileNetLike(int seed = 3, bool floatData = false)
    {
        var g = new GraphBuilder(seed, floatData);
        var x = g.ConvBnRelu(g.Input("input", InputShape), 3, 8, 3, stride: 2);
        long channels = 8;
        foreach (var (next, stride) in new[] { (16L, 1L), (32L, 2L), (32L, 1L) })
        {
            x = g.ConvBnRelu(x, channels, channels, 3, stride, group: channels);
            x = g.ConvBnRelu(x, channels, next, 1);
            channels = next;
        }

        g.Classifier(x, channels, 10);
        return g.Build(1, 10);
    }

    private static string Bottleneck(GraphBuilder g, string x, long inChannels, long width, long outChannels, bool projection)
    {
        var y = g.ConvBnRelu(x, inChannels, width, 1);
        y = g.ConvBnRelu(y, width, width, 3);
        y = g.BatchNorm(g.Conv(y, width, outChannels, 1), outChannels);
        var shortcut = projection ? g.BatchNorm(g.Conv(x, inChannels, outChannels, 1), outChannels) : x;
        return g.Node("Relu", [g.Node("Add", [y, shortcut])]);
    }
}
