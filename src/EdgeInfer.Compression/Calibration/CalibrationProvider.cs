using Onnx;

namespace EdgeInfer.Compression.Calibration;

/// <summary>
/// Supplies the calibration images for a model when a variant of it needs them (<c>channel-ls</c>, <c>int8</c>): called
/// with the full model, whose input size and preprocessing metadata say how the images must be prepared. Hosts that read
/// datasets give one (the CLI and the study through <c>EdgeInfer.Accuracy.Datasets.CalibrationImages</c>); the edge
/// server receives one from its host, so it never references a dataset reader.
/// </summary>
/// <param name="model">
/// The full model the variant is built from: not changed by the call, but the builder's own copy, transformed in place
/// once the call returns, so read from it during the call and keep nothing of it.
/// </param>
/// <returns>Images preprocessed for <paramref name="model"/>'s input.</returns>
public delegate CalibrationSet CalibrationProvider(ModelProto model);
