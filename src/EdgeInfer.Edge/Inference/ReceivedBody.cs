namespace EdgeInfer.Edge.Inference;

/// <summary>A request body read and checked before admission: a tensor ready to run, or an image still to decode (inside a slot).</summary>
/// <param name="Tensor">The tensor, or null for an image.</param>
/// <param name="Image">The image, or null for a tensor.</param>
public sealed record ReceivedBody(InferenceInput? Tensor, ImageUpload? Image)
{
    /// <summary>Bytes received.</summary>
    public long BodyBytes => Tensor?.BodyBytes ?? Image?.Encoded.Length ?? 0;

    /// <summary>Returns a pooled tensor buffer; the body is unusable afterwards.</summary>
    public void Release() => Tensor?.Release();
}
