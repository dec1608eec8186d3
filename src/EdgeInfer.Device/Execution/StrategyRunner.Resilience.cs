using EdgeInfer.Device.Http;
using EdgeInfer.Pruning.Variants;
using Polly.Timeout;

namespace EdgeInfer.Device.Execution;

/// <summary>How a strategy survives a faulty link: downloads resumed with <c>Range</c>, and what each request met.</summary>
public sealed partial class StrategyRunner
{
    /// <summary>
    /// Downloads the model; a transfer cut off mid-body (a dropped connection) leaves its partial file, and the next
    /// attempt resumes it with <c>Range</c>, up to the client's retry count.
    /// </summary>
    /// <returns>The last attempt's call, ETag and problem, and the body bytes the cut-off attempts fetched before it.</returns>
    private async Task<(EdgeCall Call, string? ETag, string? Problem, long EarlierBytes)> DownloadResumingAsync(
        string model, ModelVariant? variant, string format, string file, Partial p, CancellationToken cancellationToken)
    {
        var earlier = 0L;
        for (var attempt = 0; ; attempt++)
        {
            var before = PartialBytes(file);
            try
            {
                var (call, etag, problem) = await client.DownloadAsync(model, variant, format, file, DeviceModelCache.ETagOf(file), cancellationToken)
                    .ConfigureAwait(false);
                if (attempt > 0)
                {
                    p.Notes.Add($"download cut off {attempt} time(s) and resumed with Range: {earlier} B before, {call.Transfer.BytesDown} B after "
                        + $"({call.Status:D})");
                }

                return (call, etag, problem, earlier);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or TimeoutRejectedException && attempt < client.Options.MaxRetries)
            {
                earlier += Math.Max(0, PartialBytes(file) - before);
                p.Resumes++;
            }
        }
    }

    /// <summary>Bytes of the partial download of <paramref name="file"/> on the device (0 when none).</summary>
    private static long PartialBytes(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Path.GetFileName(file) + ".partial*").Select(f => new FileInfo(f).Length).DefaultIfEmpty(0).Max()
            : 0;
    }

    /// <summary>The index of the largest logit (the first on ties).</summary>
    private static int ArgMax(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The client's retry and injected-fault counters before one request, to tell what that request met.</summary>
    private readonly record struct LinkCounters(long Retries, long Drops, long Stalls, TimeSpan Stall)
    {
        public static LinkCounters Of(EdgeClient client) =>
            new(client.Retries, client.Faults?.Drops ?? 0, client.Faults?.Stalls ?? 0, client.Faults?.StallTime ?? TimeSpan.Zero);

        public RequestOutcome Outcome(EdgeClient client, int id, string servedBy, bool fallback, int? top1, string? error)
        {
            var now = Of(client);
            return new RequestOutcome(id, servedBy, fallback, now.Retries - Retries, now.Drops - Drops, now.Stalls - Stalls, (now.Stall - Stall).TotalSeconds,
                top1, error);
        }
    }
}
