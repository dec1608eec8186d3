namespace EdgeInfer.Edge.Inference;

/// <summary>A decoded request body: the float32 NCHW tensor for one image (batch 1), and how it arrived.</summary>
/// <param name="Data">The float32 values (little-endian bytes), exactly the model input's element count.</param>
/// <param name="Kind"><c>tensor</c> or <c>image</c>.</param>
/// <param name="BodyBytes">Bytes received.</param>
/// <param name="DecodeSeconds">Time to decode and preprocess.</param>
public sealed record InferenceInput(byte[] Data, string Kind, long BodyBytes, double DecodeSeconds);
