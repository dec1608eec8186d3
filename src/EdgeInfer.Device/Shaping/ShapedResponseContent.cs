using System.Net;

namespace EdgeInfer.Device.Shaping;

/// <summary>Response content whose stream is read through the downlink <see cref="LinkPacer"/>.</summary>
public sealed class ShapedResponseContent : ForwardingContent
{
    private readonly LinkPacer? pacer;
    private readonly TransferRecord record;

    public ShapedResponseContent(HttpContent inner, LinkPacer? pacer, TransferRecord record)
        : base(inner)
    {
        this.pacer = pacer;
        this.record = record;
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new ShapedReadStream(await Inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), pacer, record);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
