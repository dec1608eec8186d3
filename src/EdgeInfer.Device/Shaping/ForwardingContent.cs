using System.Net;

namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Content that stands in for another <see cref="HttpContent"/>: it carries the inner content's headers, reports the
/// inner content's length (bytes; unknown when the inner one has no <c>Content-Length</c>) and disposes it. Subclasses
/// decide how the bytes flow (paced upload in <see cref="ShapedContent"/>, paced download in
/// <see cref="ShapedResponseContent"/>).
/// </summary>
public abstract class ForwardingContent : HttpContent
{
    /// <summary>Wraps <paramref name="inner"/>, copying its headers.</summary>
    protected ForwardingContent(HttpContent inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>The wrapped content (disposed with this one).</summary>
    protected HttpContent Inner { get; }

    /// <summary>Writes the body to <paramref name="stream"/>; every subclass says how (both overloads end here).</summary>
    protected abstract override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = Inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
