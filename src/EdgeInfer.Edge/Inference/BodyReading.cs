using System.IO.Pipelines;
using EdgeInfer.Edge.Api;
using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// Body reads of the inference endpoint. Kestrel reports some malformed bodies as a plain <see cref="IOException"/> rather
/// than a <see cref="BadHttpRequestException"/> (a chunk-size line of 2^31 or more overflows its parser: "Bad chunk size
/// data"); those are the client's fault and become a 400 here instead of a 500.
/// </summary>
internal static class BodyReading
{
    /// <summary>Largest first buffer of <see cref="ReadAllAsync"/>.</summary>
    private const int InitialBytes = 256 * 1024;

    /// <summary><see cref="PipeReader.ReadAtLeastAsync"/>, with unreadable bodies as 400s.</summary>
    public static async ValueTask<ReadResult> ReadAtLeastAsync(PipeReader reader, int minimumSize, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAtLeastAsync(minimumSize, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new EdgeProblemException($"The request body could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The whole body as an array of exactly its length. The buffer starts at 256 kB at most and doubles as bytes arrive
    /// (so a client that declares a large Content-Length and sends little holds little), never beyond
    /// <paramref name="maxBodyBytes"/>: a declared or received length above it is a 413.
    /// </summary>
    public static async Task<byte[]> ReadAllAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        if (declared > maxBodyBytes)
        {
            throw TooLarge(declared.Value, maxBodyBytes);
        }

        var buffer = new byte[(int)Math.Min(Math.Min(declared ?? InitialBytes, InitialBytes), maxBodyBytes)];
        var length = 0;
        var reader = request.BodyReader;
        while (true)
        {
            var result = await ReadAtLeastAsync(reader, 1, cancellationToken).ConfigureAwait(false);
            var data = result.Buffer;
            if (length + data.Length > maxBodyBytes)
            {
                reader.AdvanceTo(data.End);
                throw TooLarge(length + data.Length, maxBodyBytes);
            }

            if (length + data.Length > buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, length + data.Length), maxBodyBytes));
            }

            foreach (var segment in data)
            {
                segment.Span.CopyTo(buffer.AsSpan(length));
                length += segment.Length;
            }

            reader.AdvanceTo(data.End);
            if (result.IsCompleted)
            {
                return length == buffer.Length ? buffer : buffer[..length];
            }
        }
    }

    private static EdgeProblemException TooLarge(long bytes, long limit) =>
        new(413, "Request body too large", $"The body of at least {bytes} bytes exceeds the {limit}-byte limit.");
}
