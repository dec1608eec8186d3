using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using EdgeInfer.Contracts;
using EdgeInfer.Core;
using EdgeInfer.Device.Execution;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// <c>edgeinfer loadgen</c>: C closed-loop clients, each sending the next inference when the last is answered, or K devices
/// sending open-loop Poisson arrivals (<see cref="LoadGenerator.MeasureOpenAsync"/>), over raw HTTP (no shaping, no retries:
/// what the server does under load is what is measured).
/// </summary>
public static partial class LoadGenerator
{
    /// <summary>Runs the load test.</summary>
    public static async Task<LoadgenReport> RunAsync(LoadgenOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var edge = options.Edge ?? throw new EdgeInferInputException("An HTTP load test needs the edge URL; edge is not set.");
        // Open loop: as many connections as requests in flight, so that no request waits in the client's pool.
        var connections = options.Arrivals == LoadgenArrivals.Poisson ? int.MaxValue : options.Concurrency + 1;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = edge,
            Timeout = TimeSpan.FromMinutes(5),
        };
        Http.EdgeApiKey.Apply(http); // EDGEINFER_API_KEY, for an edge that requires keys
        var catalogEntry = await http.GetStringAsync("/v1/models/" + Uri.EscapeDataString(options.Model), cancellationToken).ConfigureAwait(false);
        var model = System.Text.Json.JsonSerializer.Deserialize<ModelView>(catalogEntry, EdgeJson.Options)!;
        var input = DeviceInput.Synthetic(DeviceClient.InputShape(model));
        var variant = options.Variant;
        var url = $"/v1/models/{Uri.EscapeDataString(options.Model)}/infer" + (variant.IsFull ? "" : "?" + variant.Query);

        async Task<int> SendAsync(CancellationToken ct)
        {
            using var content = new ByteArrayContent(input.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue(input.ContentType);
            content.Headers.Add("X-Tensor-Shape", input.Shape);
            try
            {
                using var response = await http.PostAsync(url, content, ct).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        }

        return await MeasureAsync(options, SendAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The load itself, for any target: C closed-loop clients each call <paramref name="send"/> (which returns an HTTP status,
    /// 0 for no answer) <see cref="LoadgenOptions.WarmupPerClient"/> times untimed, then until R requests or the duration;
    /// with Poisson arrivals, <see cref="MeasureOpenAsync"/> on the system clock.
    /// The HTTP load above and <c>loadgen --in-process</c> (the server's inference step without HTTP) both use it.
    /// </summary>
    public static async Task<LoadgenReport> MeasureAsync(LoadgenOptions options, Func<CancellationToken, Task<int>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(send);
        options.Validated();
        if (options.Arrivals == LoadgenArrivals.Poisson)
        {
            return await MeasureOpenAsync(options, send, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            for (var i = 0; i < options.WarmupPerClient; i++)
            {
                await send(cancellationToken).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);

        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var remaining = options.Requests ?? int.MaxValue;
        var deadline = options.Duration is { } d ? Stopwatch.GetTimestamp() + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0 && Stopwatch.GetTimestamp() < deadline)
            {
                var t0 = Stopwatch.GetTimestamp();
                var status = await send(cancellationToken).ConfigureAwait(false);
                var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status is >= 200 and < 300)
                {
                    latencies.Add(seconds);
                }
            }
        })).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var ok = latencies.ToArray();
        var stats = ok.Length > 0 ? LatencyStatistics.From(ok) : null;
        return new LoadgenReport(options.Model, options.Concurrency, statuses.Values.Sum(), ok.Length, wall, ok.Length / wall,
            stats?.MedianSeconds ?? double.NaN, stats?.P90Seconds ?? double.NaN, stats?.P99Seconds ?? double.NaN, stats?.MeanSeconds ?? double.NaN,
            statuses.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value));
    }
}
