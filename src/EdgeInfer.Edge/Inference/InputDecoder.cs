using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Edge.Api;
using EdgeInfer.Imaging;
using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// Reads an inference request body: a raw float32 NCHW tensor (<c>application/octet-stream</c>, little-endian, with
/// its shape in the <see cref="ShapeHeader"/> header, e.g. <c>1,3,224,224</c>) or an image (<c>image/jpeg</c>,
/// <c>image/png</c>, whose size is read from its header and checked against the pixel limit, not decoded here). Every
/// mismatch is a 400 naming it; an image over the pixel limit is a 413 naming its size and the limit.
/// </summary>
public static class InputDecoder
{
    /// <summary>The header carrying a tensor's shape.</summary>
    public const string ShapeHeader = "X-Tensor-Shape";

    /// <summary>Bytes awaited per body read (256 kB).</summary>
    private const int ReadChunk = 256 * 1024;

    /// <summary>
    /// Reads and checks the body for a model whose input is <paramref name="inputShape"/> (batch fixed to 1), without
    /// decoding an image (see <see cref="ImageUpload.Decode"/>, which runs inside an admission slot).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="inputShape">The model's input shape.</param>
    /// <param name="maxBodyBytes">The body limit (Kestrel enforces it too); an image body never grows a buffer beyond it.</param>
    /// <param name="maxImagePixels">Largest image (width × height from its header); larger ones are a 413 naming both.</param>
    /// <param name="cancellationToken">The client went away.</param>
    /// <exception cref="EdgeProblemException">400 (malformed), 413 (too large).</exception>
    public static async Task<ReceivedBody> ReadAsync(
        HttpRequest request, IReadOnlyList<long> inputShape, long maxBodyBytes, long maxImagePixels, CancellationToken cancellationToken)
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
            return new ReceivedBody(await ReadTensorAsync(request, inputShape, expected, cancellationToken).ConfigureAwait(false), null);
        }

        if (inputShape.Count != 4 || inputShape[1] != 3 || inputShape[2] != inputShape[3])
        {
            throw EdgeProblemException.BadRequest(
                $"This model's input [{string.Join(",", inputShape)}] is not a square RGB image; send a float32 tensor instead.");
        }

        var encoded = await BodyReading.ReadAllAsync(request, maxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (encoded.Length == 0 || !ImageDecoder.TryReadSize(encoded, out var width, out var height))
        {
            throw EdgeProblemException.BadRequest($"The {encoded.Length}-byte body is not a decodable {contentType} image.");
        }

        if ((long)width * height > maxImagePixels)
        {
            throw new EdgeProblemException(
                413,
                "Image too large",
                $"The {contentType} image is {width}x{height} = {(long)width * height} pixels; this server accepts at most {maxImagePixels} pixels.")
            {
                RejectionReason = Telemetry.RejectionReasons.ImageTooLarge,
            };
        }

        return new ReceivedBody(null, new ImageUpload(encoded, contentType, width, height, maxImagePixels));
    }

    private static async Task<InferenceInput> ReadTensorAsync(
        HttpRequest request, IReadOnlyList<long> inputShape, long expected, CancellationToken cancellationToken)
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
            var result = await BodyReading.ReadAtLeastAsync(reader, wanted, cancellationToken).ConfigureAwait(false);
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
