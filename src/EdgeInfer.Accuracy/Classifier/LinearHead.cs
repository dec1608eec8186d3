namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// A linear softmax classifier on standardised features: <c>logits = W · ((f − μ) ⊙ (1/σ)) + b</c>,
/// W <c>[classes, features]</c> row-major. The softmax of the logits gives the class probabilities.
/// </summary>
public sealed class LinearHead
{
    /// <summary>Creates a head; lengths must agree and σ must be positive.</summary>
    public LinearHead(float[] featureMean, float[] featureStd, float[] weights, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(featureMean);
        ArgumentNullException.ThrowIfNull(featureStd);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (featureStd.Length != featureMean.Length || weights.Length != bias.Length * featureMean.Length || bias.Length < 2)
        {
            throw new ArgumentException(
                $"Inconsistent head: mean {featureMean.Length}, std {featureStd.Length}, weights {weights.Length}, bias {bias.Length}.");
        }

        if (featureStd.Any(s => !(s > 0) || !float.IsFinite(s)))
        {
            throw new ArgumentException("Feature standard deviations must be finite and > 0.", nameof(featureStd));
        }

        FeatureMean = featureMean;
        FeatureStd = featureStd;
        Weights = weights;
        Bias = bias;
    }

    /// <summary>μ, per feature.</summary>
    public float[] FeatureMean { get; }

    /// <summary>σ, per feature (&gt; 0).</summary>
    public float[] FeatureStd { get; }

    /// <summary>W, <c>[classes, features]</c> row-major.</summary>
    public float[] Weights { get; }

    /// <summary>b, per class.</summary>
    public float[] Bias { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => Bias.Length;

    /// <summary>Number of input features.</summary>
    public int FeatureCount => FeatureMean.Length;

    /// <summary>Computes the logits of one feature vector in double precision (the reference for the stitched ONNX Gemm).</summary>
    public void Logits(ReadOnlySpan<float> features, Span<float> logits)
    {
        if (features.Length != FeatureCount || logits.Length != ClassCount)
        {
            throw new ArgumentException($"Expected {FeatureCount} features and {ClassCount} logits, got {features.Length} and {logits.Length}.");
        }

        for (int k = 0; k < ClassCount; k++)
        {
            double acc = Bias[k];
            for (int j = 0; j < FeatureCount; j++)
            {
                acc += Weights[(k * FeatureCount) + j] * ((features[j] - (double)FeatureMean[j]) / FeatureStd[j]);
            }

            logits[k] = (float)acc;
        }
    }
}
