using System.Diagnostics;
using System.Net.Http.Headers;
using EdgeInfer.Contracts;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Measurement;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// Runs once the server listens (and the background load runs): prunes of the smallest full model into a temporary
/// folder, each followed by a session open of the result, as on demand (see <see cref="Calibrate"/>: the median prune is
/// the prune-rate calibration a device plans with before the edge has pruned its model, the median open the
/// session-open calibration), then one call of each endpoint over HTTP (catalog, status, a 64 kB ranged download,
/// an inference on a zero tensor, which also opens that model's session). Until it is done <c>/readyz</c> answers 503; a
/// failure is logged and reported in the status, and the server serves anyway.
/// </summary>
/// <remarks>
/// The calibration prunes are data-free (<c>global</c>), whose time follows the model's size, so one rate serves every
/// model. The data-aware builds (<c>channel-ls</c>, <c>int8</c>) are not calibrated here: one takes tens of seconds (a pass
/// over hundreds of calibration images per layer), which would hold <c>/readyz</c> that long, and its time depends on the
/// variant, not on a rate. Their first on-demand build is timed instead and reported per variant in the status's prune
/// times (<see cref="Telemetry.EdgeMetrics.PruneWindows"/>), which the device's planner uses; until then it says that its
/// data-free estimate is a lower bound.
/// </remarks>
public sealed partial class EdgeWarmup(
    EdgeServerOptions options,
    VariantStore store,
    IModelPruner pruner,
    SessionPool sessions,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<EdgeWarmup> logger,
    Security.InternalCaller caller)
    : IHostedService
{
    /// <summary>Untimed prunes first, so the pruning code is compiled and called often enough to be optimised.</summary>
    public const int WarmPrunes = 2;

    /// <summary>Timed calibration prunes (after <see cref="TierUpPause"/>); their median is reported.</summary>
    public const int CalibrationPrunes = 3;

    /// <summary>Pause between the warm and the timed prunes, for the JIT's background tier-up (optimised code for the prune).</summary>
    public static readonly TimeSpan TierUpPause = TimeSpan.FromSeconds(1);

    /// <summary>Pruning factor of the calibration prunes: the device client's default.</summary>
    public static PruningFactor CalibrationPruningFactor { get; } = PruningFactor.Of(0.7);

    private volatile WarmupView state = new(!options.Warmup, null, null, null, null, null, null);

    /// <summary>What the warm-up did; <see cref="WarmupView.Done"/> is true once it ended (or when disabled).</summary>
    public WarmupView State => state;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Warmup)
        {
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
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
            // The endpoints first, so their JIT work is not in the timed prunes.
            await CallEndpointsAsync(model, stopping).ConfigureAwait(false);
            var bytes = new FileInfo(model.ModelPath).Length;
            var (seconds, open) = Calibrate(model.ModelPath, ModelVariant.Pruned(model.Name, PruningMethod.Global, CalibrationPruningFactor));
            state = state with
            {
                Done = true,
                Model = model.Name,
                ModelBytes = bytes,
                PruneSeconds = seconds,
                PruneBytesPerSecond = bytes / seconds,
                SessionOpenSeconds = open,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWarmupFailed(logger, ex);
            state = state with { Done = true, Error = ex.Message };
        }
    }

    /// <summary>
    /// <see cref="WarmPrunes"/> untimed prunes (global, pf <see cref="CalibrationPruningFactor"/>, with the wire encoding,
    /// as on demand) and one session open, a pause for the JIT's tier-up, then <see cref="CalibrationPrunes"/> times: prune,
    /// then open the freshly written result as a request opens one (the on-demand sequence). Returns the median prune and
    /// the median open, in seconds.
    /// </summary>
    private (double Prune, double Open) Calibrate(string modelPath, ModelVariant variant)
    {
        var folder = Directory.CreateTempSubdirectory("edgeinfer-warmup-").FullName;
        try
        {
            // Each prune writes new files, as an on-demand prune does (it never replaces one).
            var output = string.Empty;
            var round = 0;
            void Prune()
            {
                output = Path.Combine(folder, $"model-{++round}.onnx");
                pruner.Prune(modelPath, output, variant, Path.Combine(folder, $"model-{round}.eiw"));
            }

            double Open()
            {
                var start = Stopwatch.GetTimestamp();
                using (RuntimeSession.Open(output, sessions.Options))
                {
                    return Stopwatch.GetElapsedTime(start).TotalSeconds;
                }
            }

            for (var i = 0; i < WarmPrunes; i++)
            {
                Prune();
            }

            Open();
            Thread.Sleep(TierUpPause);
            var prune = new double[CalibrationPrunes];
            var opens = new double[CalibrationPrunes];
            for (var i = 0; i < prune.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                Prune();
                prune[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
                opens[i] = Open();
            }

            return (LatencyStatistics.From(prune).MedianSeconds, LatencyStatistics.From(opens).MedianSeconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task CallEndpointsAsync(ModelEntry model, CancellationToken stopping)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no address.");
        var baseUri = new UriBuilder(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)).Uri;
        using var http = caller.CreateClient(baseUri, TimeSpan.FromMinutes(2)); // its own key (and certificate): the edge may require them
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

        var shape = model.Metadata.Inputs.FirstOrDefault()?.Batch1Dims;
        if (shape is not null)
        {
            using var content = new ByteArrayContent(new byte[shape.Aggregate(1L, (a, d) => a * d) * sizeof(float)]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.Add(InputDecoder.ShapeHeader, string.Join(",", shape));
            using var response = await http.PostAsync($"/v1/models/{model.Name}/infer", content, stopping).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up failed; serving without it")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
