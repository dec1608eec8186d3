using EdgeInfer.Accuracy.Evaluation;

namespace EdgeInfer.Accuracy.Tests.Evaluation;

public sealed class AccuracyPointTests
{
    [Fact]
    public void AccuracyPoint_Fractions_AreCorrectOverImages()
    {
        var point = new AccuracyPoint(0.5, "global", 200, 150, 190, 0.1, 2.0);

        Assert.Equal(0.75, point.Top1);
        Assert.Equal(0.95, point.Top5);
        Assert.Equal(100, point.ImagesPerSecond);
    }
}
