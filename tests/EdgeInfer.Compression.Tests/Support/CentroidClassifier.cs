using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Compression.Calibration;
using Onnx;

namespace EdgeInfer.Compression.Tests.Support;

/// <summary>
/// A real, cheaply trained classifier for tests that need decisive logits: the ImageNet-pretrained ResNet-18 backbone
/// (opset 8, 112 px) with a nearest-class-mean head fitted in closed form on the standardised features of 160 embedded
/// Fashion-MNIST training images (no ML.NET training), the same images as calibration set. About 15 s on 2 cores.
/// </summary>
public sealed class CentroidClassifier
{
    public const int InputSize = 112;

    public CentroidClassifier()
    {
        const int count = 160;
        var images = CalibrationImages.Default(BackboneGraph.Preprocessing(InputSize), count);
        // CalibrationImages spaces its images evenly over the source: image i is source image i·Count/count.
        var source = EmbeddedSubset.Train;
        var labels = Enumerable.Range(0, count).Select(i => source.LabelOf((int)((long)i * source.Count / count))).ToArray();
        var extractor = BackboneGraph.FeatureExtractor(InputSize);
        var features = Features(extractor, images);
        Model = BackboneGraph.Classifier(InputSize, Head(features, labels, source.ClassNames.Count));
        Calibration = images;
    }

    /// <summary>The classifier (opset 8, as the backbone was exported).</summary>
    public ModelProto Model { get; }

    /// <summary>The 160 preprocessed training images.</summary>
    public CalibrationSet Calibration { get; }

    private static float[][] Features(ModelProto extractor, CalibrationSet images)
    {
        var result = new List<float[]>();
        const int batch = 20;
        for (var start = 0; start < images.Count; start += batch)
        {
            var n = Math.Min(batch, images.Count - start);
            var output = TestGraphs.Run(extractor, images.Images(start, n).ToArray(), [n, 3, InputSize, InputSize]);
            var width = output.Length / n;
            result.AddRange(Enumerable.Range(0, n).Select(i => output.AsSpan(i * width, width).ToArray()));
        }

        return [.. result];
    }

    /// <summary>Logits = c_k · z − |c_k|²/2 on standardised features z: the nearest class mean c_k wins.</summary>
    private static LinearHead Head(float[][] features, int[] labels, int classes)
    {
        var width = features[0].Length;
        var mean = new float[width];
        var std = new float[width];
        for (var j = 0; j < width; j++)
        {
            var column = features.Select(f => (double)f[j]).ToArray();
            var m = column.Average();
            mean[j] = (float)m;
            std[j] = (float)Math.Max(Math.Sqrt(column.Sum(v => (v - m) * (v - m)) / column.Length), 1e-3);
        }

        var weights = new float[classes * width];
        var bias = new float[classes];
        for (var k = 0; k < classes; k++)
        {
            var members = features.Where((_, i) => labels[i] == k).ToArray();
            Assert.NotEmpty(members);
            double norm = 0;
            for (var j = 0; j < width; j++)
            {
                var c = members.Average(f => (f[j] - mean[j]) / std[j]);
                weights[(k * width) + j] = (float)c;
                norm += c * c;
            }

            bias[k] = (float)(-norm / 2);
        }

        return new LinearHead(mean, std, weights, bias);
    }
}
