using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using EdgeInfer.Core.Planning;
using EdgeInfer.Device.Http;
using EdgeInfer.Device.Planning;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Measurement;
using Polly.Timeout;
using PruningFile = EdgeInfer.Models.Files.OnnxModelFile;

namespace EdgeInfer.Device.Execution;

/// <summary>
/// Executes one strategy for real and measures it: edge-* upload the input Q times and read the results; device-*
/// download the model (pruned variants in the wire format by default, decoded here; or dense ONNX, or COO sparse ONNX),
/// open it in ORT with the device role and run Q inferences locally. An edge request that still fails after the client's retries falls back to local inference
/// when the model is already on the device; otherwise it is an error in the summary. A model download cut off mid-body
/// resumes with <c>Range</c> (up to the client's retry count). Every request gets one <see cref="RequestOutcome"/>.
/// </summary>
public sealed partial class StrategyRunner(
    EdgeClient client, DeviceModelCache cache, DeviceInput input, RuntimeOptions deviceRuntime, string prunedFormat = "wire")
{
    /// <summary>Runs <paramref name="strategy"/> with Q = <paramref name="requests"/> and sets the planner's numbers beside the measured ones.</summary>
    public async Task<StrategyRun> RunAsync(
        Strategy strategy, string model, ModelVariant pruned, int requests, PlanContext plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var variant = strategy.UsesPrunedModel() ? pruned : null;
        var retriesBefore = client.Retries;
        var (dropsBefore, stallsBefore) = (client.Faults?.Drops ?? 0, client.Faults?.Stalls ?? 0);
        var run = strategy.RunsAtEdge()
            ? await RunAtEdgeAsync(model, variant, requests, plan.Scenario.Device, cancellationToken).ConfigureAwait(false)
            : await RunOnDeviceAsync(model, variant, requests, plan.Scenario.Device, cancellationToken).ConfigureAwait(false);
        var outcome = plan.Outcome(strategy);
        var paper = plan.PaperOutcome(strategy);
        var predicted = new PredictedCosts(
            outcome.CycleDelay.Value,
            outcome.LifetimeDelay.Value,
            outcome.DeviceEnergy.Value,
            outcome.ExchangedData.Value,
            paper.CycleDelay.Value,
            paper.LifetimeDelay.Value);
        var errors = new RelativeErrors(
            (run.Measured.CycleDelaySeconds - predicted.CycleDelaySeconds) / predicted.CycleDelaySeconds,
            (run.Measured.LifetimeDelaySeconds - predicted.LifetimeDelaySeconds) / predicted.LifetimeDelaySeconds);
        return new StrategyRun(strategy.Name(), model, variant?.Name ?? ModelRepository.FullVariant, requests, run.Completed, run.Measured, predicted, errors,
            client.Retries - retriesBefore + run.Resumes, run.Fallbacks, run.Errors, run.Notes, run.FirstTop5)
        {
            Drops = (client.Faults?.Drops ?? 0) - dropsBefore,
            Stalls = (client.Faults?.Stalls ?? 0) - stallsBefore,
            RequestLog = run.Log,
        };
    }

    private async Task<Partial> RunAtEdgeAsync(string model, ModelVariant? variant, int requests, DeviceProfile powers, CancellationToken cancellationToken)
    {
        var p = new Partial();
        var edge = new EdgeTotals(requests);
        try
        {
            for (var i = 0; i < requests; i++)
            {
                var before = LinkCounters.Of(client);
                var (completed, failure, top1) = await InferAtEdgeAsync(model, variant, i == 0, p, edge, cancellationToken).ConfigureAwait(false);
                var fellBack = false;
                if (!completed)
                {
                    (fellBack, top1) = FallBack(model, variant, i, failure, p, edge);
                }

                p.Log.Add(before.Outcome(client, i + 1, completed ? "edge" : fellBack ? "device" : "none", fellBack, top1,
                    completed || fellBack ? null : failure));
            }
        }
        finally
        {
            edge.Local?.Dispose();
        }

        // Eq. (3) over the measured transfers, plus P_d for the requests that fell back to local inference.
        var energy = CostModel.MeasuredDeviceEnergyJoules(powers, edge.UploadSeconds, edge.DownloadSeconds, edge.LocalSeconds);
        var times = edge.Times;
        p.Measured = Summarise(times, edge.BytesUp, edge.BytesDown, edge.UploadSeconds, edge.DownloadSeconds, edge.PruneSeconds, 0, 0, energy,
            times.Count > 0 ? times[0] : double.NaN);
        return p;
    }

    /// <summary>One request at the edge (with the client's retries): its top-1 class, or (not completed) why it failed.</summary>
    private async Task<(bool Completed, string? Failure, int? Top1)> InferAtEdgeAsync(
        string model, ModelVariant? variant, bool first, Partial p, EdgeTotals edge, CancellationToken cancellationToken)
    {
        try
        {
            var (call, reply, problem) = await client.InferAsync(model, variant, input.Body, input.ContentType, input.Shape, cancellationToken)
                .ConfigureAwait(false);
            edge.BytesUp += call.Transfer.BytesUp;
            edge.BytesDown += call.Transfer.BytesDown;
            if (reply is null)
            {
                return (false, problem, null);
            }

            edge.Times.Add(call.WallSeconds);
            edge.UploadSeconds += call.Transfer.UploadSeconds;
            edge.DownloadSeconds += call.Transfer.DownloadSeconds;
            edge.PruneSeconds += reply.Timings.PruneSeconds;
            if (first)
            {
                p.FirstTop5 = reply.Top5.Select(t => t.Index).ToList();
                p.Notes.Add($"first request: variant {reply.Variant} was '{reply.Origin}' at the edge"
                    + (reply.Origin == "pruned" ? " (pruned on demand: T_pr paid)" : ""));
            }

            p.Completed++;
            return (true, null, reply.Top5.Count > 0 ? reply.Top5[0].Index : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or IOException)
        {
            return (false, ex.Message, null);
        }
    }

    /// <summary>
    /// The edge failed after the retries: infer locally when the model is already on the device (true, with the top-1
    /// class), else record the error.
    /// </summary>
    private (bool FellBack, int? Top1) FallBack(string model, ModelVariant? variant, int request, string? failure, Partial p, EdgeTotals edge)
    {
        var path = cache.RunnableOf(model, variant?.Name ?? ModelRepository.FullVariant);
        if (path is not null && input.IsTensor)
        {
            edge.Local ??= RuntimeSession.Open(path, deviceRuntime);
            var seconds = Infer(edge.Local);
            edge.Times.Add(seconds);
            edge.LocalSeconds += seconds;
            p.Fallbacks++;
            p.Completed++;
            return (true, ArgMax(edge.Local.Output(0)));
        }

        if (p.Errors.Count < 10)
        {
            p.Errors.Add($"request {request + 1}: {failure}" + (path is null ? " (no model cached on the device to fall back to)" : ""));
        }

        return (false, null);
    }

    private async Task<Partial> RunOnDeviceAsync(string model, ModelVariant? variant, int requests, DeviceProfile powers, CancellationToken cancellationToken)
    {
        var p = new Partial();
        if (!input.IsTensor)
        {
            throw new Core.EdgeInferInputException("device strategies infer locally and need a tensor input (a synthetic tensor or a float32 .bin input file); "
                + $"'{input.Description}' is an image, which only the edge preprocesses.");
        }

        var name = variant?.Name ?? ModelRepository.FullVariant;
        var format = variant is null ? "onnx" : prunedFormat;
        var file = cache.PathOf(model, name, format);
        var downloadStart = Stopwatch.GetTimestamp();
        var (call, etag, problem, earlier) = await DownloadResumingAsync(model, variant, format, file, p, cancellationToken).ConfigureAwait(false);
        var downloadWall = Stopwatch.GetElapsedTime(downloadStart).TotalSeconds;
        if (problem is not null)
        {
            throw new Core.EdgeInferInputException($"Downloading {model}/{name} ({format}) failed: {problem}");
        }

        DeviceModelCache.SetETag(file, etag);
        p.Notes.Add(call.Status == HttpStatusCode.NotModified
            ? $"{model}/{name} was already on the device (ETag {etag}): 304, no model transfer"
            : $"downloaded {call.Transfer.BytesDown + earlier} B of {format} in {downloadWall:0.###} s");
        var tReq = Math.Max(0, call.HeadersSeconds - call.ServerSeconds);
        var tModel = call.Transfer.DownloadSeconds;
        var (runnable, decode) = format == "wire" ? DecodeWire(model, name, file, call.Status == HttpStatusCode.NotModified) : (file, 0.0);
        var loadStart = Stopwatch.GetTimestamp();
        using var session = RuntimeSession.Open(runnable, deviceRuntime);
        var load = Stopwatch.GetElapsedTime(loadStart).TotalSeconds;
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            times.Add(Infer(session));
            if (i == 0)
            {
                p.FirstTop5 = TopIndices(session.Output(0), 5);
            }

            p.Log.Add(new RequestOutcome(i + 1, "device", false, 0, 0, 0, 0, ArgMax(session.Output(0)), null));
        }

        p.Completed = requests;
        var energy = CostModel.MeasuredDeviceEnergyJoules(powers, tReq, tModel, times.Sum());
        // The first local result needs the download, the decode (wire), the session and the first inference.
        var cycle = downloadWall + decode + load + times[0];
        var lifetime = downloadWall + decode + load + times.Sum();
        var serverPrune = call.ServerSeconds;
        var stats = LatencyStatistics.From(times.ToArray());
        var (up, down) = (call.Transfer.BytesUp, call.Transfer.BytesDown + earlier);
        p.Measured = new MeasuredCosts(cycle, lifetime, stats.MedianSeconds, stats.P90Seconds, up, down, tReq, tModel, serverPrune, decode, load, energy);
        return p;
    }

    /// <summary>The decoded ONNX file of a downloaded wire file, decoded now unless a 304 kept an earlier decode; decode seconds.</summary>
    private (string Runnable, double DecodeSeconds) DecodeWire(string model, string name, string wireFile, bool notModified)
    {
        var runnable = cache.DecodedPathOf(model, name);
        if (notModified && File.Exists(runnable))
        {
            return (runnable, 0);
        }

        var start = Stopwatch.GetTimestamp();
        PruningFile.Save(WireCodec.Decode(File.ReadAllBytes(wireFile), wireFile), runnable);
        return (runnable, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private double Infer(RuntimeSession session)
    {
        input.Body.AsSpan().CopyTo(MemoryMarshal.AsBytes(session.Input(0)));
        return session.TimeOne().Value;
    }

    private static List<int> TopIndices(ReadOnlySpan<float> logits, int k)
    {
        var indices = Enumerable.Range(0, logits.Length).ToArray();
        var copy = logits.ToArray();
        return [.. indices.OrderByDescending(i => copy[i]).ThenBy(i => i).Take(k)];
    }

    private static MeasuredCosts Summarise(
        List<double> times, long bytesUp, long bytesDown, double up, double down, double prune, double decode, double load, double energy, double cycle)
    {
        if (times.Count == 0)
        {
            return new MeasuredCosts(double.NaN, double.NaN, double.NaN, double.NaN, bytesUp, bytesDown, up, down, prune, decode, load, energy);
        }

        var stats = LatencyStatistics.From(times.ToArray());
        return new MeasuredCosts(cycle, times.Sum(), stats.MedianSeconds, stats.P90Seconds, bytesUp, bytesDown, up, down, prune, decode, load, energy);
    }

    private sealed class Partial
    {
        public int Completed { get; set; }

        public int Fallbacks { get; set; }

        public List<string> Errors { get; } = [];

        public List<string> Notes { get; } = [];

        public IReadOnlyList<int> FirstTop5 { get; set; } = [];

        /// <summary>One outcome per request, in request order.</summary>
        public List<RequestOutcome> Log { get; } = [];

        /// <summary>Downloads resumed after a cut-off body (retries the HTTP pipeline does not count).</summary>
        public int Resumes { get; set; }

        public MeasuredCosts Measured { get; set; } = null!;
    }

    /// <summary>What the requests of an edge strategy add up to, and the local session of the fallback, opened at the first one.</summary>
    private sealed class EdgeTotals(int requests)
    {
        /// <summary>Per completed request: wall time at the edge, or local inference time of a fallback, seconds.</summary>
        public List<double> Times { get; } = new(requests);

        public long BytesUp { get; set; }

        public long BytesDown { get; set; }

        /// <summary>Shaped upload time of the answered requests (ΣT_in), seconds.</summary>
        public double UploadSeconds { get; set; }

        /// <summary>Shaped download time of the answered requests (ΣT_res), seconds.</summary>
        public double DownloadSeconds { get; set; }

        /// <summary>The edge's prune time as its answers report it, seconds.</summary>
        public double PruneSeconds { get; set; }

        /// <summary>Local inference time of the fallbacks (ΣT_inf,d), seconds.</summary>
        public double LocalSeconds { get; set; }

        public RuntimeSession? Local { get; set; }
    }
}
