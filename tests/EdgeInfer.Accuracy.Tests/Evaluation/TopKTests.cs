using EdgeInfer.Accuracy.Evaluation;

namespace EdgeInfer.Accuracy.Tests.Evaluation;

public sealed class TopKTests
{
    [Fact]
    public void Count_HandMadeLogits_CountsTop1AndTop5()
    {
        // 3 images × 7 classes. Image 0: label best (top-1). Image 1: label 3rd (top-5 only). Image 2: label 6th (neither).
        float[] logits =
        [
            9, 1, 2, 3, 4, 5, 6,
            7, 8, 6, 1, 0, -1, -2,
            6, 5, 4, 3, 2, 1, 0,
        ];
        int top1 = 0, top5 = 0;

        TopK.Count(logits, 7, [0, 2, 5], ref top1, ref top5);

        Assert.Equal(1, top1);
        Assert.Equal(2, top5);
    }

    [Theory]
    [InlineData(new float[] { 1, 2, 3 }, 2, 0)]
    [InlineData(new float[] { 1, 2, 3 }, 0, 2)]
    [InlineData(new float[] { 3, 3, 1 }, 1, 0)] // a tie counts in the label's favour
    [InlineData(new float[] { float.NaN, 2, 3 }, 0, 2)]
    public void RankOf_HandMadeScores_CountsStrictlyHigherClasses(float[] scores, int label, int expected) =>
        Assert.Equal(expected, TopK.RankOf(scores, label));

    [Fact]
    public void IsInTopK_LabelOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TopK.IsInTopK(new float[] { 1, 2 }, 2, 1));

    [Fact]
    public void AccuracyPoint_Fractions_AreCorrectOverImages()
    {
        var point = new AccuracyPoint(0.5, "global", 200, 150, 190, 0.1, 2.0);

        Assert.Equal(0.75, point.Top1);
        Assert.Equal(0.95, point.Top5);
        Assert.Equal(100, point.ImagesPerSecond);
    }
}
