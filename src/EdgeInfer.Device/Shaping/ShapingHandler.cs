namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Shapes HTTP traffic to the radio model's rates: request bodies through the uplink pacer, response bodies through the
/// downlink pacer (null pacers: counted, not shaped — <c>--no-shaping</c>). Each request's bytes and transfer times go
/// to the <see cref="TransferRecord"/> in its options (<see cref="RecordKey"/>), or to a throwaway one.
/// </summary>
/// <remarks>
/// With <see cref="LinkFaults"/>, every attempt draws its faults (a connection drop, a stall). Answers (JSON, problem
/// details, text, up to <see cref="BufferedResponseBytes"/>) are then read here, inside the retry pipeline, so a drop in
/// them is a failed attempt (<see cref="HttpRequestException"/>) that the client retries; model bytes stream, and a drop in
/// them reaches the reader as an <see cref="IOException"/> (a download keeps its partial file and resumes with <c>Range</c>).
/// </remarks>
public sealed class ShapingHandler(LinkPacer? uplink, LinkPacer? downlink, LinkFaults? faults = null) : DelegatingHandler
{
    /// <summary>The request option that carries the request's <see cref="TransferRecord"/>.</summary>
    public static readonly HttpRequestOptionsKey<TransferRecord> RecordKey = new("EdgeInfer.Transfer");

    /// <summary>Responses up to this length are read inside the handler when faults are injected (2 MiB: results, catalog, probes).</summary>
    public const long BufferedResponseBytes = 2 << 20;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RecordKey, out var record))
        {
            record = new TransferRecord();
        }

        var attempt = faults?.Next(request.Content is not null);
        if (request.Content is { } content)
        {
            var shaped = content as ShapedContent ?? new ShapedContent(content, uplink, record);
            shaped.Attempt = attempt;
            request.Content = shaped;
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var buffered = attempt is not null && IsAnswer(response.Content.Headers);
        response.Content = new ShapedResponseContent(response.Content, downlink, record, attempt);
        if (buffered)
        {
            try
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                response.Dispose();
                throw ex as HttpRequestException ?? new HttpRequestException(HttpRequestError.ResponseEnded, ex.Message, ex);
            }
        }

        return response;
    }

    /// <summary>
    /// An answer read here when faults are injected: JSON, problem details or text up to <see cref="BufferedResponseBytes"/>.
    /// Model bytes (downloads, probes of them) always stream, so a cut-off one keeps what it got and resumes.
    /// </summary>
    private static bool IsAnswer(System.Net.Http.Headers.HttpContentHeaders headers) =>
        headers.ContentType?.MediaType is { } type
        && (type.EndsWith("json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        && (headers.ContentLength ?? 0) <= BufferedResponseBytes;
}
