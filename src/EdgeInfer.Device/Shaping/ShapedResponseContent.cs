using System.Net;

namespace EdgeInfer.Device.Shaping;

/// <summary>Response content whose stream is read through the downlink <see cref="LinkPacer"/>.</summary>
public sealed class ShapedResponseContent : ForwardingContent
{
    private readonly LinkPacer? pacer;
    private readonly TransferRecord record;
    private readonly AttemptFaults? faults;

    /// <summary>Wraps <paramref name="inner"/>; a null <paramref name="pacer"/> counts the bytes without pacing.</summary>
    public ShapedResponseContent(HttpContent inner, LinkPacer? pacer, TransferRecord record)
        : this(inner, pacer, record, null)
    {
    }

    internal ShapedResponseContent(HttpContent inner, LinkPacer? pacer, TransferRecord record, AttemptFaults? faults)
        : base(inner)
    {
        this.pacer = pacer;
        this.record = record;
        this.faults = faults;
    }

    /// <inheritdoc/>
    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => new ShapedReadStream(
        await Inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
        pacer,
        record,
        faults?.Cursor(upload: false, Inner.Headers.ContentLength, record));

    /// <inheritdoc/>
    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }
}
