using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using EdgeInfer.Contracts;
using EdgeInfer.Core;
using EdgeInfer.Device.Shaping;
using EdgeInfer.Pruning.Variants;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace EdgeInfer.Device.Http;

/// <summary>
/// The device's HTTP client for the edge API. Handlers, outermost first: resilience (retry with exponential backoff and
/// jitter on timeouts, 5xx, 408 and 429, honouring Retry-After; a per-attempt timeout), then link shaping
/// (<see cref="ShapingHandler"/>), then sockets (trusting a given certificate for https, <see cref="EdgeTls"/>). Retries
/// are counted. Requests carry the API key (<see cref="EdgeClientOptions.EffectiveApiKey"/>) when there is one.
/// </summary>
public sealed class EdgeClient : IDisposable
{
    private readonly HttpClient http;
    private long retries;

    /// <summary>Creates the client; the options are validated here.</summary>
    public EdgeClient(EdgeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
        if (options.Shaping is { } rates)
        {
            Uplink = new LinkPacer(rates.Uplink);
            Downlink = new LinkPacer(rates.Downlink);
        }

        Faults = options.Faults.IsActive ? new LinkFaults(options.Faults) : null;

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                ShouldHandle = options.MaxRetries == 0 ? _ => ValueTask.FromResult(false) : new HttpRetryStrategyOptions().ShouldHandle,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryDelay.Value),
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref retries);
                    return default;
                },
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.AttemptTimeout.Value) })
            .Build();
        var handler = new ResilienceHandler(pipeline)
        {
            InnerHandler = new ShapingHandler(Uplink, Downlink, Faults)
            {
                InnerHandler = EdgeTls.Handler(options.EffectiveTrustedCertificatePath),
            },
        };
        http = new HttpClient(handler) { BaseAddress = options.Edge, Timeout = Timeout.InfiniteTimeSpan };
        if (options.EffectiveApiKey is { } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    /// <summary>The validated options.</summary>
    public EdgeClientOptions Options { get; }

    /// <summary>Uplink pacer, or null without shaping.</summary>
    public LinkPacer? Uplink { get; }

    /// <summary>Downlink pacer, or null without shaping.</summary>
    public LinkPacer? Downlink { get; }

    /// <summary>The link's injected faults (counted), or null when none are injected.</summary>
    public LinkFaults? Faults { get; }

    /// <summary>Retries made so far (all calls).</summary>
    public long Retries => Interlocked.Read(ref retries);

    /// <summary><c>GET /v1/status</c>.</summary>
    public async Task<StatusView> StatusAsync(CancellationToken cancellationToken) =>
        await GetJsonAsync<StatusView>("/v1/status", cancellationToken).ConfigureAwait(false);

    /// <summary><c>GET /v1/models/{name}</c>.</summary>
    public async Task<ModelView> ModelAsync(string name, CancellationToken cancellationToken) =>
        await GetJsonAsync<ModelView>("/v1/models/" + Uri.EscapeDataString(name), cancellationToken).ConfigureAwait(false);

    /// <summary>One inference at the edge; the body is a float32 tensor (<paramref name="shape"/>) or an image (its content type).</summary>
    public async Task<(EdgeCall Call, InferenceResult? Reply, string? Problem)> InferAsync(
        string model, ModelVariant? variant, byte[] body, string contentType, string? shape, CancellationToken cancellationToken)
    {
        var url = $"/v1/models/{Uri.EscapeDataString(model)}/infer" + (variant is null ? "" : "?" + variant.Query);
        var record = new TransferRecord();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (shape is not null)
        {
            content.Headers.Add("X-Tensor-Shape", shape);
        }

        request.Content = content;
        request.Options.Set(ShapingHandler.RecordKey, record);
        var start = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var headers = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var call = new EdgeCall(response.StatusCode, wall, headers, record, ServerSeconds(response));
        if (!response.IsSuccessStatusCode)
        {
            return (call, null, Problem(response, text));
        }

        return (call, System.Text.Json.JsonSerializer.Deserialize<InferenceResult>(text, EdgeJson.Options), null);
    }

    /// <summary>
    /// Downloads a model file to <paramref name="destination"/> (atomically). With <paramref name="etag"/> of a file already
    /// there, asks <c>If-None-Match</c> and keeps the file on 304. A partial file left by an interrupted download is
    /// resumed with <c>Range</c>/<c>If-Range</c>; it carries its ETag in its name (<see cref="PartialPath"/>), so finishing
    /// a download is one rename (no side file to write first and delete after: on ext4 that delete alone cost ~5 ms).
    /// </summary>
    /// <returns>The call and the ETag of the file now at <paramref name="destination"/>.</returns>
    public async Task<(EdgeCall Call, string? ETag, string? Problem)> DownloadAsync(
        string model, ModelVariant? variant, string format, string destination, string? etag, CancellationToken cancellationToken)
    {
        var url = $"/v1/models/{Uri.EscapeDataString(model)}/download?format={format}" + (variant is null ? "" : "&" + variant.Query);
        var (partial, partialTag) = FindPartial(destination);
        var record = new TransferRecord();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(ShapingHandler.RecordKey, record);
        if (etag is not null && File.Exists(destination))
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        else if (partial is not null && partialTag is not null)
        {
            request.Headers.Range = new RangeHeaderValue(new FileInfo(partial).Length, null);
            request.Headers.IfRange = new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(partialTag));
        }

        var start = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var headers = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return (new EdgeCall(response.StatusCode, Stopwatch.GetElapsedTime(start).TotalSeconds, headers, record, ServerSeconds(response)), etag, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var failed = new EdgeCall(response.StatusCode, Stopwatch.GetElapsedTime(start).TotalSeconds, headers, record, ServerSeconds(response));
            return (failed, null, Problem(response, text));
        }

        var newTag = response.Headers.ETag?.ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var append = response.StatusCode == HttpStatusCode.PartialContent && partial is not null;
        var target = PartialPath(destination, newTag);
        if (partial is not null && !append)
        {
            File.Delete(partial); // the edge sent the whole (changed) file: the old partial is stale
        }

        await using (var file = new FileStream(target, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            await body.CopyToAsync(file, 1 << 16, cancellationToken).ConfigureAwait(false);
        }

        File.Move(target, destination, overwrite: true);
        return (new EdgeCall(response.StatusCode, Stopwatch.GetElapsedTime(start).TotalSeconds, headers, record, ServerSeconds(response)), newTag, null);
    }

    /// <summary>
    /// Where a download to <paramref name="destination"/> keeps its bytes until complete: <c>destination.partial-HEX</c>,
    /// HEX the UTF-8 bytes of the ETag (quotes included), or <c>destination.partial</c> without one (not resumable).
    /// </summary>
    public static string PartialPath(string destination, string? etag) =>
        destination + ".partial" + (etag is null ? "" : "-" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(etag)));

    /// <summary>The newest resumable partial file of <paramref name="destination"/> and its ETag; older ones are deleted.</summary>
    private static (string? Path, string? ETag) FindPartial(string destination)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        if (!Directory.Exists(folder))
        {
            return (null, null);
        }

        var prefix = Path.GetFileName(destination) + ".partial";
        var partials = Directory.EnumerateFiles(folder, prefix + "*").OrderByDescending(File.GetLastWriteTimeUtc).ToList();
        foreach (var stale in partials.Skip(1))
        {
            File.Delete(stale);
        }

        if (partials.Count == 0)
        {
            return (null, null);
        }

        var name = Path.GetFileName(partials[0]);
        try
        {
            return name.Length > prefix.Length + 1 && name[prefix.Length] == '-'
                ? (partials[0], System.Text.Encoding.UTF8.GetString(Convert.FromHexString(name[(prefix.Length + 1)..])))
                : (partials[0], null);
        }
        catch (FormatException)
        {
            return (partials[0], null);
        }
    }

    /// <summary>
    /// Downloads the first <paramref name="bytes"/> bytes of the model (<c>Range</c>) into a temporary file, as a model
    /// download writes its file, and deletes it: a probe of the download path's fixed costs (not a model transfer).
    /// </summary>
    public async Task<EdgeCall> ProbeDownloadAsync(string model, long bytes, CancellationToken cancellationToken)
    {
        var record = new TransferRecord();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/models/{Uri.EscapeDataString(model)}/download?format=onnx");
        request.Options.Set(ShapingHandler.RecordKey, record);
        request.Headers.Range = new RangeHeaderValue(0, bytes - 1);
        var file = Path.Combine(Path.GetTempPath(), $"edgeinfer-probe-{Guid.NewGuid():N}.partial");
        try
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var headers = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new EdgeInferInputException($"Probing the download of {model} failed: {Problem(response, text)}");
            }

            await using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                await body.CopyToAsync(stream, 1 << 16, cancellationToken).ConfigureAwait(false);
            }

            File.Move(file, file + ".done");
            file += ".done";
            return new EdgeCall(response.StatusCode, Stopwatch.GetElapsedTime(start).TotalSeconds, headers, record, ServerSeconds(response));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary><c>DELETE /v1/models/{name}/cache</c>: the edge forgets its on-demand copy of the variant.</summary>
    public async Task EvictAsync(string model, ModelVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        using var response = await http.DeleteAsync($"/v1/models/{Uri.EscapeDataString(model)}/cache?{variant.Query}", cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new EdgeInferInputException($"Evicting {variant} at the edge failed: {Problem(response, text)}");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();

    private async Task<T> GetJsonAsync<T>(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new EdgeInferInputException($"GET {url} on {Options.Edge} failed: {Problem(response, text)}");
        }

        return System.Text.Json.JsonSerializer.Deserialize<T>(text, EdgeJson.Options) ?? throw new EdgeInferInputException($"GET {url} answered null.");
    }

    private static string Problem(HttpResponseMessage response, string text)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("detail", out var detail))
            {
                return $"{(int)response.StatusCode} {detail.GetString()}";
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>Sum of the <c>dur</c> values of <c>Server-Timing</c> entries other than <c>total</c>, in seconds.</summary>
    internal static double ServerSeconds(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
        {
            return 0;
        }

        var ms = 0.0;
        foreach (var entry in string.Join(",", values).Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] == "total")
            {
                continue;
            }

            foreach (var p in parts.Skip(1))
            {
                if (p.StartsWith("dur=", StringComparison.Ordinal) && double.TryParse(p[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    ms += d;
                }
            }
        }

        return ms / 1e3;
    }
}
