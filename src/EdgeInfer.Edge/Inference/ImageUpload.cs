using System.Diagnostics;
using System.Runtime.InteropServices;
using EdgeInfer.Edge.Api;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// An uploaded JPEG/PNG whose header has been read and accepted (at most the pixel limit), not yet decoded: the decode
/// (<see cref="Decode"/>) runs once the request holds an admission slot, so concurrent decodes are bounded by the
/// server's concurrency and show as in flight.
/// </summary>
/// <param name="Encoded">The body (exactly its bytes).</param>
/// <param name="ContentType"><c>image/jpeg</c> or <c>image/png</c>.</param>
/// <param name="Width">Width from the header.</param>
/// <param name="Height">Height from the header.</param>
/// <param name="MaxPixels">The pixel limit it was accepted under (the decoder enforces it again).</param>
public sealed record ImageUpload(byte[] Encoded, string ContentType, int Width, int Height, long MaxPixels)
{
    /// <summary>Decodes and preprocesses the image for the model in <paramref name="modelPath"/> (input 1×3×size×size).</summary>
    /// <exception cref="EdgeProblemException">400 when the data is not a complete decodable image.</exception>
    public InferenceInput Decode(string modelPath, int size)
    {
        var start = Stopwatch.GetTimestamp();
        var image = new float[3 * size * size];
        if (!ImagePreprocessing.TryProcess(Encoded, MaxPixels, modelPath, size, image, out var problem))
        {
            throw EdgeProblemException.BadRequest($"The {Encoded.Length}-byte body is not a decodable {ContentType} image: {problem}.");
        }

        var bytes = MemoryMarshal.AsBytes(image.AsSpan()).ToArray();
        return new InferenceInput(bytes, bytes.Length, "image", Encoded.Length, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
