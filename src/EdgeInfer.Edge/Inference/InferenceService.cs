using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.RateLimiting;
using EdgeInfer.Contracts;
using EdgeInfer.Edge.Admission;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Classification;
using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Inference;

/// <summary>
/// One inference request end to end: refuse at once when the queue is full (before the body is read), read and check the
/// body (before taking a slot, so bad input never queues; an image only by its header), wait for a slot
/// (<see cref="AdmissionGate"/>), decode an image (inside the slot, so decodes are bounded by the concurrency), resolve the
/// variant (pruning on demand), rent a session, run, take the top 5. Every rejection that protects the server is counted
/// (<see cref="EdgeMetrics.Rejected(string, int?)"/>).
/// </summary>
public sealed class InferenceService(VariantStore variants, AdmissionGate gate, SessionPool sessions, EdgeMetrics metrics, TimeSpan timeout)
{
    /// <summary>Serves one request.</summary>
    /// <param name="request">The request, its body not yet read.</param>
    /// <param name="variant">Model and variant.</param>
    /// <param name="maxBodyBytes">The body limit.</param>
    /// <param name="maxImagePixels">Largest image accepted (width × height, from its header).</param>
    /// <param name="aborted">The client went away.</param>
    /// <exception cref="EdgeProblemException">404, 400, 413, 429, 503 as the problem is.</exception>
    public async Task<InferenceResult> InferAsync(
        HttpRequest request, ModelVariant variant, long maxBodyBytes, long maxImagePixels, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(variant);
        var full = variants.FullModel(variant.Model);
        var shape = InputShape(full);
        if (gate.Full)
        {
            // Refused before the body is read: a rejection costs no upload wait and no buffer.
            throw Counted(gate.QueueFullProblem());
        }

        ReceivedBody body;
        try
        {
            body = await InputDecoder.ReadAsync(request, shape, maxBodyBytes, maxImagePixels, aborted).ConfigureAwait(false);
        }
        catch (EdgeProblemException problem) when (problem.RejectionReason is not null)
        {
            throw Counted(problem);
        }

        try
        {
            return await InferAsync(variant, body, () => body.Image!.Decode(full.ModelPath, (int)shape[2]), aborted).ConfigureAwait(false);
        }
        finally
        {
            body.Release();
        }
    }

    /// <summary>
    /// The server's inference step without HTTP: admission, variant resolution (pruning on demand), a pooled session,
    /// copy, run, top 5, metrics. <c>loadgen --in-process</c> measures the server against it.
    /// </summary>
    /// <param name="variant">Model and variant.</param>
    /// <param name="tensor">The float32 NCHW input, exactly the model's input length.</param>
    /// <param name="aborted">Stops waiting for a slot.</param>
    /// <exception cref="EdgeProblemException">404, 400 (wrong length), 429, 503 as the server answers them.</exception>
    public Task<InferenceResult> InferTensorAsync(ModelVariant variant, byte[] tensor, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(tensor);
        var expected = InputShape(variants.FullModel(variant.Model)).Aggregate(1L, (a, d) => a * d) * sizeof(float);
        return tensor.LongLength == expected
            ? InferAsync(variant, new ReceivedBody(new InferenceInput(tensor, tensor.Length, "tensor", tensor.Length, 0), null), null, aborted)
            : throw EdgeProblemException.BadRequest($"The tensor holds {tensor.LongLength} bytes; model '{variant.Model}' needs {expected}.");
    }

    /// <summary>The model's input shape for one image (batch 1), or a 400 when it has no input.</summary>
    private static long[] InputShape(Models.Repository.ModelEntry model) =>
        model.Metadata.Inputs.FirstOrDefault()?.Batch1Dims ?? throw EdgeProblemException.BadRequest($"Model '{model.Name}' has no input.");

    /// <summary>Records <paramref name="problem"/> in the rejection metric and returns it.</summary>
    private EdgeProblemException Counted(EdgeProblemException problem)
    {
        metrics.Rejected(problem.RejectionReason ?? RejectionReasons.Unspecified, problem.Status);
        return problem;
    }

    /// <summary>Admission, then (inside the slot) the image decode when <paramref name="received"/> is an image, then the run.</summary>
    private async Task<InferenceResult> InferAsync(ModelVariant variant, ReceivedBody received, Func<InferenceInput>? decodeImage, CancellationToken aborted)
    {
        var queueStart = Stopwatch.GetTimestamp();
        RateLimitLease lease;
        try
        {
            lease = await gate.EnterAsync(timeout, aborted).ConfigureAwait(false);
        }
        catch (EdgeProblemException problem) when (problem.RejectionReason is not null)
        {
            throw Counted(problem);
        }

        using (lease)
        {
            var queue = Stopwatch.GetElapsedTime(queueStart).TotalSeconds;
            var body = received.Tensor ?? decodeImage!();
            return await RunAsync(variant, body, queue, aborted).ConfigureAwait(false);
        }
    }

    private async Task<InferenceResult> RunAsync(ModelVariant variant, InferenceInput body, double queue, CancellationToken aborted)
    {
        var resolved = await variants.ResolveAsync(variant, ModelFormat.Onnx, aborted).ConfigureAwait(false);
        var openStart = Stopwatch.GetTimestamp();
        var session = sessions.Rent(resolved.Dense.Path, out var opened);
        var open = opened ? Stopwatch.GetElapsedTime(openStart).TotalSeconds : 0;
        if (opened)
        {
            metrics.SessionOpened(variant.Model, variant.Name, open);
        }

        try
        {
            body.Data.CopyTo(MemoryMarshal.AsBytes(session.Input(0)));
            var runStart = Stopwatch.GetTimestamp();
            session.Run();
            var inference = Stopwatch.GetElapsedTime(runStart).TotalSeconds;
            var top5 = TopK.Of(session.Output(0), 5, static (index, probability, logit) => new ClassScore(index, probability, logit));
            // The service time a device plans with is edge compute: an image's decoding counts, a tensor's "decode" (reading
            // the body, i.e. waiting for the upload) does not, since the planner adds the upload as T_in itself.
            metrics.Inferred(variant.Model, variant.Name, queue, inference, body.Kind == "image" ? body.DecodeSeconds : 0);
            var timings = new InferenceTimings(body.DecodeSeconds, queue, resolved.PruneSeconds, open, inference);
            return new InferenceResult(variant.Model, variant.Name, resolved.Origin.ToString().ToLowerInvariant(), body.Kind, top5, timings);
        }
        finally
        {
            sessions.Return(session);
        }
    }
}
