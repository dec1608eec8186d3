using System.Net;

namespace EdgeInfer.Device.Shaping;

/// <summary>Response content whose stream is read through the downlink <see cref="LinkPacer"/>.</summary>
public sealed class ShapedResponseContent : HttpContent
{
    private readonly HttpContent inner;
    private readonly LinkPacer? pacer;
    private readonly TransferRecord record;

    public ShapedResponseContent(HttpContent inner, LinkPacer? pacer, TransferRecord record)
    {
        this.inner = inner;
        this.pacer = pacer;
        this.record = record;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ShapedReadStream(await inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), pacer, record);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
