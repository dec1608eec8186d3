namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Shapes HTTP traffic to the radio model's rates: request bodies through the uplink pacer, response bodies through the
/// downlink pacer (null pacers: counted, not shaped — <c>--no-shaping</c>). Each request's bytes and transfer times go
/// to the <see cref="TransferRecord"/> in its options (<see cref="RecordKey"/>), or to a throwaway one.
/// </summary>
public sealed class ShapingHandler(LinkPacer? uplink, LinkPacer? downlink) : DelegatingHandler
{
    /// <summary>The request option that carries the request's <see cref="TransferRecord"/>.</summary>
    public static readonly HttpRequestOptionsKey<TransferRecord> RecordKey = new("EdgeInfer.Transfer");

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RecordKey, out var record))
        {
            record = new TransferRecord();
        }

        if (request.Content is { } content and not ShapedContent)
        {
            request.Content = new ShapedContent(content, uplink, record);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Content = new ShapedResponseContent(response.Content, downlink, record);
        return response;
    }
}
