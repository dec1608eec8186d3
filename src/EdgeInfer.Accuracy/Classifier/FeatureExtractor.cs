using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>Computes backbone features <c>[images, 512]</c> for a prepared dataset with ONNX Runtime.</summary>
public static class FeatureExtractor
{
    /// <summary>
    /// Runs <paramref name="extractor"/> (ONNX bytes of <see cref="BackboneGraph.FeatureExtractor"/>) over every batch;
    /// returns features and labels in dataset order.
    /// </summary>
    public static (float[][] Features, int[] Labels) Extract(byte[] extractor, PreparedDataset data, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var runner = new BatchRunner(extractor);
        var features = new List<float[]>();
        var labels = new List<int>();
        var buffer = Array.Empty<float>();
        int done = 0;
        foreach (var batch in data.Batches)
        {
            int width = runner.Run(batch, ref buffer);
            for (int i = 0; i < batch.Count; i++)
            {
                features.Add(buffer.AsSpan(i * width, width).ToArray());
                labels.Add(batch.Labels[i]);
            }

            done += batch.Count;
            progress?.Report($"features: {done}/{data.ImageCount} images");
        }

        return (features.ToArray(), labels.ToArray());
    }
}
