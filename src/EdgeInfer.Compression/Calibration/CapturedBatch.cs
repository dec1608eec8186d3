namespace EdgeInfer.Compression.Calibration;

/// <summary>The tensors captured for calibration images <see cref="Start"/> … <see cref="Start"/> + <see cref="Count"/> − 1.</summary>
/// <param name="Start">Index of the batch's first image in the <see cref="CalibrationSet"/>.</param>
/// <param name="Count">Images in the batch.</param>
/// <param name="Tensors">The requested tensors by name.</param>
public sealed record CapturedBatch(int Start, int Count, IReadOnlyDictionary<string, CapturedTensor> Tensors);
