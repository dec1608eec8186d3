using EdgeInfer.Contracts;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Execution;
using EdgeInfer.Device.Http;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Device.Planning;

/// <summary>
/// Measures the protocol overheads the paper's model lacks (<see cref="Core.Planning.ProtocolOverheads"/>) against this
/// edge over this link, before planning; the probes are not counted in Q.
/// <list type="bullet">
/// <item>Request: <see cref="WarmupProbes"/> untimed, then <see cref="InferenceProbes"/> inferences of the full model; each gives wall time − T_in − T_res (the
/// link model's, for the bytes sent and the planner's result size) − the edge's service time for it (Server-Timing:
/// queue, inference, an image's decode). Median, at least 0.</item>
/// <item>Download: <see cref="DownloadProbes"/> ranged downloads of the full model's first <see cref="DownloadProbeBytes"/>
/// bytes, written to a file as a model download is; each gives wall time − T_req − the bytes at the downlink rate.
/// Median, at least 0.</item>
/// </list>
/// The probes also make the edge measure its current inference time, which the planner reads from its status.
/// </summary>
public static class OverheadProbe
{
    /// <summary>Untimed inferences first, so the client's and the edge's HTTP code is compiled (tiered JIT) before it is measured.</summary>
    public const int WarmupProbes = 5;

    /// <summary>Inference probes.</summary>
    public const int InferenceProbes = 10;

    /// <summary>Download probes.</summary>
    public const int DownloadProbes = 5;

    /// <summary>Bytes each download probe fetches (1 MiB, or the whole model when smaller).</summary>
    public const long DownloadProbeBytes = 1 << 20;

    /// <summary>Runs the probes.</summary>
    /// <param name="client">The device's (shaped) client.</param>
    /// <param name="model">The edge's catalog entry of the model.</param>
    /// <param name="input">The input the edge strategies upload.</param>
    /// <param name="rates">Link rates of the radio model.</param>
    /// <param name="resultBytes">Result size the planner uses (l_res).</param>
    /// <param name="requestBytes">Model request size the planner uses (l_req).</param>
    /// <param name="cancellationToken">Stops the probes.</param>
    public static async Task<MeasuredOverheads> MeasureAsync(
        EdgeClient client, ModelView model, DeviceInput input, LinkRates rates, long resultBytes, long requestBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        var ul = rates.Uplink.Value;
        var dl = rates.Downlink.Value;
        for (var i = 0; i < WarmupProbes; i++)
        {
            await Lost(client.InferAsync(model.Name, null, input.Body, input.ContentType, input.Shape, cancellationToken)).ConfigureAwait(false);
        }

        var request = new List<double>(InferenceProbes);
        for (var i = 0; i < InferenceProbes; i++)
        {
            var (call, reply, problem) = await Lost(client.InferAsync(model.Name, null, input.Body, input.ContentType, input.Shape, cancellationToken))
                .ConfigureAwait(false);
            if (call is null)
            {
                continue; // lost on the link
            }

            if (reply is null)
            {
                throw new EdgeInferInputException($"Probe inference {i + 1} of {model.Name} at the edge failed: {problem}");
            }

            var t = reply.Timings;
            var service = (reply.Input == "image" ? t.DecodeSeconds : 0) + t.QueueSeconds + t.PruneSeconds + t.SessionOpenSeconds + t.InferenceSeconds;
            // At least 0: without shaping the link-model transfer times exceed what loopback takes.
            request.Add(Math.Max(0, call.WallSeconds - (input.Body.LongLength * 8.0 / ul) - (resultBytes * 8.0 / dl) - service));
        }

        var full = model.Variants.FirstOrDefault(v => v.Variant == "full")?.Sizes.Onnx ?? DownloadProbeBytes;
        var bytes = Math.Max(1, Math.Min(DownloadProbeBytes, full));
        var download = new List<double>(DownloadProbes);
        for (var i = 0; i < DownloadProbes; i++)
        {
            if (await Lost(client.ProbeDownloadAsync(model.Name, bytes, cancellationToken)).ConfigureAwait(false) is { } call)
            {
                download.Add(Math.Max(0, call.WallSeconds - (requestBytes * 8.0 / ul) - (call.Transfer.BytesDown * 8.0 / dl) - call.ServerSeconds));
            }
        }

        if (request.Count == 0 || download.Count == 0)
        {
            throw new EdgeInferInputException($"Every {(request.Count == 0 ? "inference" : "download")} probe of {model.Name} was lost on the link "
                + "after the retries; the overheads cannot be measured (--paper-terms-only plans without them).");
        }

        var requestOverhead = new Seconds(LatencyStatistics.From([.. request]).MedianSeconds);
        var downloadOverhead = new Seconds(LatencyStatistics.From([.. download]).MedianSeconds);
        return new MeasuredOverheads(requestOverhead, downloadOverhead, request.Count, download.Count, bytes);
    }

    /// <summary>The probe's result, or default (a null call) when the link lost it after the client's retries (a lost probe is a missing sample).</summary>
    private static async Task<T?> Lost<T>(Task<T> probe)
    {
        try
        {
            return await probe.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException)
        {
            return default;
        }
    }
}
