using CsCheck;
using EdgeInfer.Edge.Inference;

namespace EdgeInfer.Edge.Tests;

public sealed class TopKTests
{
    [Fact]
    public void Of_HandMadeLogits_PicksLargestWithSoftmax()
    {
        var top = TopK.Of([1f, 3f, 2f, 0f], k: 2);
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
            Assert.Equal(expected, TopK.Of(logits).Select(t => t.Index));
        });
    }
}
