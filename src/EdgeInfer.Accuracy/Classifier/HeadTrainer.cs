using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// Trains a <see cref="LinearHead"/> on backbone features: standardises each feature with the training mean and standard
/// deviation, then fits a multinomial logistic regression with ML.NET's <c>LbfgsMaximumEntropy</c> trainer and reads its
/// weights and biases back. Labels are class indices 0..classes−1, all present; they are mapped to ML.NET keys by value, so key k+1 is class k.
/// </summary>
public static class HeadTrainer
{
    /// <summary>Trains the head on <paramref name="features"/> (one 512-vector per image) and <paramref name="labels"/>.</summary>
    public static LinearHead Train(float[][] features, int[] labels, int classCount, HeadTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        if (features.Length != labels.Length || features.Length == 0)
        {
            throw new ArgumentException($"{features.Length} feature vectors but {labels.Length} labels; both must be equal and non-zero.");
        }

        if (labels.Any(l => l < 0 || l >= classCount) || labels.Distinct().Count() != classCount)
        {
            // The value-to-key map orders the labels present; every class must be present for key k+1 to mean class k.
            throw new ArgumentException($"Labels must lie in 0..{classCount - 1} and every class must occur at least once.", nameof(labels));
        }

        int width = features[0].Length;
        var (mean, std) = Moments(features, width);
        var model = Fit(Standardised(features, labels, mean, std), width, options);
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int classes);
        if (classes != classCount)
        {
            throw new InvalidOperationException($"ML.NET returned {classes} classes; {classCount} were trained.");
        }

        var w = new float[classCount * width];
        for (int k = 0; k < classCount; k++)
        {
            weights[k].DenseValues().ToArray().CopyTo(w, k * width);
        }

        return new LinearHead(mean, std, w, model.GetBiases().ToArray());
    }

    /// <summary>One training row per image: its label and its features standardised with the training moments.</summary>
    private static Row[] Standardised(float[][] features, int[] labels, float[] mean, float[] std)
    {
        var rows = new Row[features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            var z = new float[mean.Length];
            for (int j = 0; j < z.Length; j++)
            {
                z[j] = (features[i][j] - mean[j]) / std[j];
            }

            rows[i] = new Row { Label = labels[i], Features = z };
        }

        return rows;
    }

    /// <summary>Fits ML.NET's multinomial logistic regression (one thread, so the result depends on the seed only).</summary>
    private static MaximumEntropyModelParameters Fit(Row[] rows, int width, HeadTrainerOptions options)
    {
        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L2Regularization = options.L2Regularization,
            L1Regularization = options.L1Regularization,
            OptimizationTolerance = options.OptimizationTolerance,
            MaximumNumberOfIterations = options.MaximumIterations,
            NumberOfThreads = 1,
        });
        var byValue = Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue;
        return ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyOrdinality: byValue).Append(trainer).Fit(data).LastTransformer.Model;
    }

    private static (float[] Mean, float[] Std) Moments(float[][] features, int width)
    {
        var mean = new double[width];
        var sq = new double[width];
        foreach (var f in features)
        {
            for (int j = 0; j < width; j++)
            {
                mean[j] += f[j];
            }
        }

        for (int j = 0; j < width; j++)
        {
            mean[j] /= features.Length;
        }

        foreach (var f in features)
        {
            for (int j = 0; j < width; j++)
            {
                double d = f[j] - mean[j];
                sq[j] += d * d;
            }
        }

        // A constant feature (σ = 0, e.g. a dead channel) gets σ = 1 so it contributes nothing after centring.
        var std = sq.Select(s => Math.Sqrt(s / features.Length)).Select(s => s > 1e-6 ? (float)s : 1f).ToArray();
        return (mean.Select(m => (float)m).ToArray(), std);
    }

    private sealed class Row
    {
        public int Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
