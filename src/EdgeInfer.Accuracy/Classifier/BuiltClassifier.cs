namespace EdgeInfer.Accuracy.Classifier;

/// <summary>The result of <see cref="ClassifierBuilder.Build"/>: the stitched ONNX classifier, its head and how it was made.</summary>
/// <param name="Model">The classifier as ONNX bytes (input <c>input</c> [N,3,S,S] RGB 0..255, output <c>logits</c> [N,classes]).</param>
/// <param name="Head">The trained head (standardisation + linear layer).</param>
/// <param name="InputSize">Input side S, pixels.</param>
/// <param name="TrainImages">Training images used.</param>
/// <param name="TrainTop1">Top-1 of the head on its own training features, fraction.</param>
/// <param name="L2Regularization">The L2 weight chosen on the training hold-out.</param>
/// <param name="FeatureSeconds">Seconds spent extracting training features.</param>
/// <param name="TrainSeconds">Seconds spent training the head.</param>
public sealed record BuiltClassifier(
    byte[] Model, LinearHead Head, int InputSize, int TrainImages, double TrainTop1, float L2Regularization, double FeatureSeconds, double TrainSeconds);
