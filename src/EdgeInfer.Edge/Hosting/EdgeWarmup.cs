using System.Diagnostics;
using System.Net.Http.Headers;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Measurement;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Runs once the server listens (and the background load runs): <see cref="CalibrationPrunes"/> prunes of the smallest
/// full model into a temporary folder (the first warms the pruning code, the median of the others is the prune-rate
/// calibration a device plans with before the edge has pruned its model) and five session opens of the result (the
/// median of the last four is the session-load calibration), then one call of each endpoint over HTTP (catalog, status, a 64 kB ranged download,
/// an inference on a zero tensor, which also opens that model's session). Until it is done <c>/readyz</c> answers 503; a
/// failure is logged and reported in the status, and the server serves anyway.
/// </summary>
public sealed class EdgeWarmup(EdgeServerOptions options, VariantStore store, IModelPruner pruner, SessionPool sessions, IServer server, IHostApplicationLifetime lifetime, ILogger<EdgeWarmup> logger)
    : IHostedService
{
    /// <summary>Calibration prunes: the first warms the code (tiered JIT), the median of the others is reported.</summary>
    public const int CalibrationPrunes = 5;

    /// <summary>Calibration session opens: the first warms ORT, the median of the others is reported.</summary>
    public const int CalibrationOpens = 5;

    private volatile WarmupView state = new(!options.Warmup, null, null, null, null, null, null);

    /// <summary>What the warm-up did; <see cref="WarmupView.Done"/> is true once it ended (or when disabled).</summary>
    public WarmupView State => state;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Warmup)
        {
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(CancellationToken stopping)
    {
        var model = store.Repository.List().Where(e => e.Variant == ModelRepository.FullVariant).MinBy(e => new FileInfo(e.ModelPath).Length);
        if (model is null)
        {
            state = state with { Done = true };
            return;
        }

        try
        {
            var bytes = new FileInfo(model.ModelPath).Length;
            var (seconds, load) = Calibrate(model.ModelPath);
            state = state with { Model = model.Name, ModelBytes = bytes, PruneSeconds = seconds, PruneBytesPerSecond = bytes / seconds, SessionLoadSeconds = load };
            await CallEndpointsAsync(model, stopping).ConfigureAwait(false);
            state = state with { Done = true };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Warm-up failed; serving without it");
            state = state with { Done = true, Error = ex.Message };
        }
    }

    /// <summary>
    /// <see cref="CalibrationPrunes"/> prunes (global, pf 0.5, with the wire encoding, as on demand), then
    /// <see cref="CalibrationOpens"/> session opens of the result as a request opens one. The first prune and the first open warm the code (JIT, ORT); the
    /// calibration is the median of the others, in seconds (the fastest of two read low under load, the mean of two read
    /// high while the JIT was still tiering up at load 0).
    /// </summary>
    private (double Prune, double Load) Calibrate(string modelPath)
    {
        var folder = Directory.CreateTempSubdirectory("edgeinfer-warmup-").FullName;
        try
        {
            var output = Path.Combine(folder, ModelRepository.ModelFileName);
            var prune = new double[CalibrationPrunes];
            for (var i = 0; i < prune.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                pruner.Prune(modelPath, output, 0.5, PruningMethod.Global, Path.Combine(folder, VariantStore.WireFileName));
                prune[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }

            var load = new double[CalibrationOpens];
            for (var i = 0; i < load.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using (RuntimeSession.Open(output, sessions.Options))
                {
                    load[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
            }

            return (LatencyStatistics.From(prune.AsSpan(1)).MedianSeconds, LatencyStatistics.From(load.AsSpan(1)).MedianSeconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task CallEndpointsAsync(ModelEntry model, CancellationToken stopping)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("The server has no address.");
        var baseUri = new UriBuilder(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)).Uri;
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        foreach (var path in new[] { "/v1/models", "/v1/status" })
        {
            using var response = await http.GetAsync(path, stopping).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        using (var ranged = new HttpRequestMessage(HttpMethod.Get, $"/v1/models/{model.Name}/download?format=onnx"))
        {
            ranged.Headers.Range = new RangeHeaderValue(0, 65535);
            using var response = await http.SendAsync(ranged, stopping).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync(stopping).ConfigureAwait(false);
        }

        var shape = model.Metadata.Inputs.FirstOrDefault()?.Dims.Select(d => d < 0 ? 1L : d).ToArray();
        if (shape is not null)
        {
            using var content = new ByteArrayContent(new byte[shape.Aggregate(1L, (a, d) => a * d) * sizeof(float)]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.Add(InputDecoder.ShapeHeader, string.Join(",", shape));
            using var response = await http.PostAsync($"/v1/models/{model.Name}/infer", content, stopping).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }
}
