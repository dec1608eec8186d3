using Onnx;

namespace EdgeInfer.Pruning.Tests.Support;

/// <summary>Small graphs whose channels are tied through residual Adds and channel Concats; input [1, 3, 16, 16], output [1, 10].</summary>
internal static class CoupledModels
{
    /// <summary>
    /// stem (16) → two identity residual blocks (conv 3×3 + BN, Add, Relu), a per-channel scale (Mul by a [16, 1, 1]
    /// initializer), a scalar Mul and a per-channel shift (Add of a [1, 16, 1, 1] initializer) on the stream, then a 1×1
    /// head conv (12) and the classifier. The stem and both block convs form one residual group of 16 channels consumed by
    /// the block convs and the head conv; the head conv feeds the classifier and stays whole.
    /// </summary>
    public static ModelProto Residual(int seed = 4)
    {
        var g = new GraphBuilder(seed);
        var x = g.ConvBnRelu(g.Input("input", TestModels.InputShape), 3, 16, 3);
        for (var block = 0; block < 2; block++)
        {
            var y = g.BatchNorm(g.Conv(x, 16, 16, 3), 16);
            x = g.Node("Relu", [g.Node("Add", [y, x])]);
        }

        x = g.Node("Mul", [x, g.Weight([16, 1, 1], generator: r => 0.5f + (float)r.NextDouble())]);
        x = g.Node("Add", [g.Weight([1, 16, 1, 1]), g.Node("Mul", [g.Initializer([0.5f], []), x])]);
        x = g.ConvBnRelu(x, 16, 12, 1);
        g.Classifier(x, 12, 10);
        return g.Build(1, 10);
    }

    /// <summary>
    /// a = stem (8); b = conv(a) (6); c = Concat(a, b) (14) → BN → Relu → depthwise 3×3 → BN → Relu → e = 1×1 conv (10);
    /// f = Concat(input, e) (13) → 1×1 conv (12) → classifier. Groups: a (consumed by b's conv at 0 and e's conv at 0),
    /// b (e's conv at 8), e (the last conv at 3, after the 3 image channels); the last conv stays whole.
    /// </summary>
    public static ModelProto Concat(int seed = 5)
    {
        var g = new GraphBuilder(seed);
        var input = g.Input("input", TestModels.InputShape);
        var a = g.ConvBnRelu(input, 3, 8, 3);
        var b = g.ConvBnRelu(a, 8, 6, 3);
        var c = g.Node("Concat", [a, b], GraphBuilder.Int("axis", 1));
        var d = g.Node("Relu", [g.BatchNorm(c, 14)]);
        d = g.ConvBnRelu(d, 14, 14, 3, group: 14);
        var e = g.ConvBnRelu(d, 14, 10, 1);
        var f = g.Node("Concat", [input, e], GraphBuilder.Int("axis", -3));
        var h = g.ConvBnRelu(f, 13, 12, 1);
        g.Classifier(h, 12, 10);
        return g.Build(1, 10);
    }
}
