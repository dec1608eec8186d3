using System.Buffers;

namespace EdgeInfer.Edge.Inference;

/// <summary>A decoded request body: the float32 NCHW tensor for one image (batch 1), and how it arrived.</summary>
/// <param name="Buffer">Holds the float32 values (little-endian bytes) in its first <paramref name="Length"/> bytes.</param>
/// <param name="Length">Bytes of the tensor: exactly the model input's element count × 4.</param>
/// <param name="Kind"><c>tensor</c> or <c>image</c>.</param>
/// <param name="BodyBytes">Bytes received.</param>
/// <param name="DecodeSeconds">Time to decode and preprocess.</param>
/// <param name="Pooled">True when <paramref name="Buffer"/> was rented from <see cref="ArrayPool{T}.Shared"/> (see <see cref="Release"/>).</param>
public sealed record InferenceInput(byte[] Buffer, int Length, string Kind, long BodyBytes, double DecodeSeconds, bool Pooled = false)
{
    /// <summary>The tensor bytes.</summary>
    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);

    /// <summary>Returns a pooled buffer; the input is unusable afterwards.</summary>
    public void Release()
    {
        if (Pooled)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
