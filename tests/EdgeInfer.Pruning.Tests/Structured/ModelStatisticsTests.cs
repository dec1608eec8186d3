using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.Tests.Support;

namespace EdgeInfer.Pruning.Tests.Structured;

public sealed class ModelStatisticsTests
{
    [Fact]
    public void Of_ConvThenGemm_CountsMacsAndParametersByHand()
    {
        var g = new GraphBuilder(5);
        var x = g.Conv(g.Input("input", 1, 3, 16, 16), 3, 8, 3, stride: 2);
        g.Classifier(x, 8, 10);
        var stats = ModelStatistics.Of(g.Build(1, 10));

        // Conv: 8 out × 3 in × 3×3 kernel × 8×8 output pixels; Gemm: 8 × 10. Parameters: conv weight, Gemm weight and bias.
        Assert.Equal((8 * 3 * 9 * 64) + (8 * 10), stats.Macs);
        Assert.Equal((8 * 3 * 9) + (10 * 8) + 10, stats.Parameters);
        Assert.Equal(stats.Parameters, stats.NonZeroParameters);
    }
}
