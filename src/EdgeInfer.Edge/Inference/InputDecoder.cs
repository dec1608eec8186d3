using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using EdgeInfer.Edge.Api;
using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// Reads an inference request body: a raw float32 NCHW tensor (<c>application/octet-stream</c>, little-endian, with
/// its shape in the <see cref="ShapeHeader"/> header, e.g. <c>1,3,224,224</c>) or an image (<c>image/jpeg</c>,
/// <c>image/png</c>). Every mismatch is a 400 naming it.
/// </summary>
public static class InputDecoder
{
    /// <summary>The header carrying a tensor's shape.</summary>
    public const string ShapeHeader = "X-Tensor-Shape";

    /// <summary>Bytes awaited per body read (256 kB).</summary>
    private const int ReadChunk = 256 * 1024;

    /// <summary>Decodes the body for a model whose input is <paramref name="inputShape"/> (batch fixed to 1).</summary>
    /// <param name="request">The request.</param>
    /// <param name="inputShape">The model's input shape.</param>
    /// <param name="modelPath">The (full) model file, whose metadata names an image's preprocessing (<see cref="ImagePreprocessing"/>).</param>
    /// <param name="cancellationToken">The client went away.</param>
    public static async Task<InferenceInput> DecodeAsync(
        HttpRequest request, IReadOnlyList<long> inputShape, string modelPath, CancellationToken cancellationToken)
    {
        var expected = inputShape.Aggregate(1L, (a, d) => a * d);
        var contentType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is not ("application/octet-stream" or "image/jpeg" or "image/png"))
        {
            throw EdgeProblemException.BadRequest(
                $"Content-Type '{request.ContentType ?? "(none)"}' is not application/octet-stream (a float32 tensor), image/jpeg or image/png.");
        }

        if (contentType == "application/octet-stream")
        {
            var shape = ParseShape(request.Headers[ShapeHeader].ToString(), inputShape);
            // Pooled: a 602,112-byte body per request would otherwise churn the large object heap.
            var length = checked((int)expected * sizeof(float));
            var bytes = ArrayPool<byte>.Shared.Rent(length);
            var start = Stopwatch.GetTimestamp();
            long read;
            try
            {
                read = await ReadBodyAsync(request, bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(bytes);
                throw;
            }

            if (read != length)
            {
                ArrayPool<byte>.Shared.Return(bytes);
                throw EdgeProblemException.BadRequest(
                    $"The tensor body holds {read} bytes; shape [{string.Join(",", shape)}] needs {length} bytes ({expected} float32 values).");
            }

            return new InferenceInput(bytes, length, "tensor", read, Stopwatch.GetElapsedTime(start).TotalSeconds, Pooled: true);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var decodeStart = Stopwatch.GetTimestamp();
        if (inputShape.Count != 4 || inputShape[1] != 3 || inputShape[2] != inputShape[3])
        {
            throw EdgeProblemException.BadRequest(
                $"This model's input [{string.Join(",", inputShape)}] is not a square RGB image; send a float32 tensor instead.");
        }

        var image = new float[expected];
        if (buffer.Length == 0 || !ImagePreprocessing.TryProcess(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), modelPath, (int)inputShape[2], image))
        {
            throw EdgeProblemException.BadRequest($"The {buffer.Length}-byte body is not a decodable {contentType} image.");
        }

        var imageBytes = MemoryMarshal.AsBytes(image.AsSpan()).ToArray();
        return new InferenceInput(imageBytes, imageBytes.Length, "image", buffer.Length, Stopwatch.GetElapsedTime(decodeStart).TotalSeconds);
    }

    private static long[] ParseShape(string header, IReadOnlyList<long> inputShape)
    {
        var expected = string.Join(",", inputShape);
        if (string.IsNullOrWhiteSpace(header))
        {
            throw EdgeProblemException.BadRequest($"A tensor body needs its shape in the {ShapeHeader} header (this model takes {expected}).");
        }

        var parts = header.Split(',', StringSplitOptions.TrimEntries);
        var shape = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]) || shape[i] < 1)
            {
                throw EdgeProblemException.BadRequest($"{ShapeHeader} '{header}' is not a list of positive integers.");
            }
        }

        if (!shape.SequenceEqual(inputShape))
        {
            throw EdgeProblemException.BadRequest($"{ShapeHeader} '{header}' does not match the model input {expected}.");
        }

        return shape;
    }

    /// <summary>
    /// Reads the body into <paramref name="destination"/> and returns its total length. Kestrel's body reader is awaited
    /// for at least <see cref="ReadChunk"/> bytes at a time (a few wake-ups per tensor instead of one per 4 kB socket
    /// read; below Kestrel's 1 MB request buffer, so the transport never pauses on it); the bytes of an oversized body
    /// are counted, not kept (bounded by the body limit).
    /// </summary>
    private static async Task<long> ReadBodyAsync(HttpRequest request, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        long total = 0;
        while (true)
        {
            var wanted = (int)Math.Clamp(destination.Length + 1 - total, 1, ReadChunk);
            var result = await reader.ReadAtLeastAsync(wanted, cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (total < destination.Length)
            {
                var kept = (int)Math.Min(buffer.Length, destination.Length - total);
                buffer.Slice(0, kept).CopyTo(destination.Span[(int)total..]);
            }

            total += buffer.Length;
            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted)
            {
                return total;
            }
        }
    }
}
