using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Runtime.Classification;

namespace EdgeInfer.Accuracy.Tests.Classifier;

public sealed class HeadTrainerTests
{
    [Fact]
    public void Train_SeparableClusters_HeadPredictsTheirLabels()
    {
        // Three well-separated Gaussian clusters in 4-D: a correct trainer and weight read-back must classify them all.
        var random = new Random(7);
        var features = new List<float[]>();
        var labels = new List<int>();
        for (int i = 0; i < 300; i++)
        {
            int c = i % 3;
            features.Add(Enumerable.Range(0, 4).Select(j => (float)((j == c ? 5.0 : 0.0) + random.NextDouble())).ToArray());
            labels.Add(c);
        }

        var head = HeadTrainer.Train(features.ToArray(), labels.ToArray(), 3, new HeadTrainerOptions());
        var logits = new float[3];
        int hits = 0;
        for (int i = 0; i < features.Count; i++)
        {
            head.Logits(features[i], logits);
            hits += TopK.RankOf(logits, labels[i]) == 0 ? 1 : 0;
        }

        Assert.Equal(features.Count, hits);
    }
}
