namespace EdgeInfer.Contracts;

/// <summary>A variant's sizes in bytes per download format (dense ONNX, wire, COO sparse ONNX); null for formats not made yet.</summary>
public sealed record FormatSizes(long Onnx, long? Wire, long? SparseOnnx);
