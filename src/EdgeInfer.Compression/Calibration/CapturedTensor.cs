namespace EdgeInfer.Compression.Calibration;

/// <summary>One tensor of one calibration batch, copied out of ONNX Runtime: its values (row-major) and shape.</summary>
/// <param name="Data">The values, row-major.</param>
/// <param name="Shape">The dimensions, batch first.</param>
public sealed record CapturedTensor(float[] Data, int[] Shape);
