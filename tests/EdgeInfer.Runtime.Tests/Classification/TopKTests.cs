using CsCheck;
using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Runtime.Tests.Classification;

public sealed class TopKTests
{
    private static (int Index, double Probability, double Logit) Score(int index, double probability, double logit) => (index, probability, logit);

    [Fact]
    public void Of_HandMadeLogits_PicksLargestWithSoftmax()
    {
        var top = TopK.Of([1f, 3f, 2f, 0f], 2, Score);
        Assert.Equal([1, 2], top.Select(t => t.Index));
        var sum = Math.Exp(1) + Math.Exp(3) + Math.Exp(2) + Math.Exp(0);
        Assert.Equal(Math.Exp(3) / sum, top[0].Probability, 12);
        Assert.Equal(Math.Exp(2) / sum, top[1].Probability, 12);
    }

    [Fact]
    public void Of_RandomLogits_MatchesSortingReference()
    {
        Gen.Float[-50f, 50f].Array[1, 300].Sample(logits =>
        {
            var expected = logits.Select((x, i) => (x, i)).OrderByDescending(p => p.x).ThenBy(p => p.i).Take(5).Select(p => p.i);
            Assert.Equal(expected, TopK.Of(logits, 5, Score).Select(t => t.Index));
        });
    }

    [Fact]
    public void Of_KAboveTheStackLimit_MatchesSortingReference()
    {
        Gen.Float[-50f, 50f].Array[1, 300].Sample(logits =>
        {
            var expected = logits.Select((x, i) => (x, i)).OrderByDescending(p => p.x).ThenBy(p => p.i).Take(40).Select(p => p.i);
            Assert.Equal(expected, TopK.Of(logits, 40, Score).Select(t => t.Index));
        });
    }

    [Fact]
    public void Of_InferenceSizedLogits_AllocatesOnlyTheResult()
    {
        var logits = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i)).ToArray();
        Func<int, double, double, (int, double, double)> score = Score;
        TopK.Of(logits, 5, score);
        var before = GC.GetAllocatedBytesForCurrentThread();
        TopK.Of(logits, 5, score);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The result array of 5 value tuples (header + 5 × 24 B); no index buffer.
        Assert.True(allocated <= 24 + (5 * 24) + 16, $"allocated {allocated} B");
    }

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
}
