using System.Globalization;
using System.Net.Http.Json;
using EdgeInfer.Contracts;
using EdgeInfer.Device.Execution;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// <c>edgeinfer soak</c>: open-loop Poisson arrivals at <see cref="SoakOptions.RatePerSecond"/>, each of a kind drawn from
/// <see cref="SoakOptions.Mix"/>, sent on schedule whether or not earlier ones were answered (as
/// <see cref="LoadGenerator.MeasureOpenAsync"/>), while the server's RSS and queue are sampled; the result is summarised per
/// window by <see cref="SoakAnalysis"/>. Raw HTTP, no retries: what the server does is what is measured.
/// </summary>
public static class SoakRunner
{
    private static readonly string[] Formats = ["onnx", "wire", "sparse-onnx"];

    /// <summary>Runs the soak.</summary>
    /// <param name="options">The soak.</param>
    /// <param name="images">Image bodies (PNG, JPEG) for image inferences; may be empty when the mix has none.</param>
    /// <param name="progress">A line per window while it runs, or null.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public static async Task<SoakReport> RunAsync(
        SoakOptions options, IReadOnlyList<DeviceInput> images, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(images);
        options.Validated();
        if (options.Mix.InferImage > 0 && images.Count == 0)
        {
            throw new ArgumentException("The mix sends images; give at least one.", nameof(images));
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = options.Edge,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var modelPath = "/v1/models/" + Uri.EscapeDataString(options.Model);
        var model = await http.GetFromJsonAsync<ModelView>(modelPath, EdgeJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The edge answered no catalog entry for '{options.Model}'.");
        var tensor = DeviceInput.Synthetic(DeviceClient.InputShape(model));
        var status = await http.GetFromJsonAsync<StatusView>("/v1/status", EdgeJson.Options, cancellationToken).ConfigureAwait(false);
        var sizes = new List<(string, long)>();
        if (options.Mix.DownloadRange > 0)
        {
            foreach (var format in Formats)
            {
                sizes.Add((format, await FileBytesAsync(http, modelPath + "/download?format=" + format, cancellationToken).ConfigureAwait(false)));
            }
        }

        var requests = new SoakRequests(options.Model, tensor, images, options.PruneGrid, sizes);
        var run = new Run(options, requests, http);
        var probes = new List<SoakProbe>();
        using var stopProbes = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = TimeProvider.System.GetTimestamp();
        var probing = ProbeAsync(options, http, start, probes, run, progress, stopProbes.Token);
        try
        {
            await run.SendAllAsync(start, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stopProbes.CancelAsync().ConfigureAwait(false);
            await probing.ConfigureAwait(false);
        }

        var wall = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
        return SoakAnalysis.Summarise(options, run.Samples, probes, wall, status?.QueueLimit);
    }

    /// <summary>The full length of a download, from the <c>Content-Range</c> of a one-byte ranged request (which also builds the format).</summary>
    private static async Task<long> FileBytesAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-0");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentRange?.Length
            ?? throw new InvalidOperationException($"GET {url} with Range answered no Content-Range length.");
    }

    /// <summary>Samples RSS and queue every probe interval until cancelled; a progress line per window.</summary>
    private static async Task ProbeAsync(
        SoakOptions options, HttpClient http, long start, List<SoakProbe> probes, Run run, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var nextReport = options.Window.TotalSeconds;
        using var timer = new PeriodicTimer(options.ProbeInterval);
        try
        {
            do
            {
                var seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
                StatusView? status = null;
                try
                {
                    status = await http.GetFromJsonAsync<StatusView>("/v1/status", EdgeJson.Options, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                }

                var probe = new SoakProbe(seconds, options.ServerPid is { } pid ? RssBytes(pid) : null, status?.Queued, status?.InFlight);
                probes.Add(probe);
                if (seconds >= nextReport)
                {
                    nextReport += options.Window.TotalSeconds;
                    progress?.Report(run.Progress(seconds, probe));
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>VmRSS of <c>/proc/PID/status</c>, bytes; null when the process or the line is gone.</summary>
    internal static long? RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>One run: the schedule, the kind and draw seed of each arrival, and one result slot per arrival.</summary>
    private sealed class Run
    {
        private readonly SoakOptions options;
        private readonly SoakRequests requests;
        private readonly HttpClient http;
        private readonly ArrivalSchedule schedule;
        private readonly SoakRequestKind[] kinds;
        private readonly int[] seeds;
        private readonly SoakSample[] samples;
        private int sent;
        private int answered;
        private int serverErrors;
        private int rejected;

        public Run(SoakOptions options, SoakRequests requests, HttpClient http)
        {
            this.options = options;
            this.requests = requests;
            this.http = http;
            schedule = ArrivalSchedule.Poisson(1, options.RatePerSecond, options.Seed, null, options.Duration.TotalSeconds);
            var random = new Random(options.Seed + 1);
            kinds = new SoakRequestKind[schedule.Count];
            seeds = new int[schedule.Count];
            for (var i = 0; i < kinds.Length; i++)
            {
                kinds[i] = options.Mix.Pick(random.NextDouble(), random.NextDouble());
                seeds[i] = random.Next();
            }

            samples = new SoakSample[schedule.Count];
        }

        public IReadOnlyList<SoakSample> Samples => samples;

        public Task SendAllAsync(long start, CancellationToken cancellationToken) =>
            schedule.SendOnScheduleAsync(start, TimeProvider.System, (index, due) => SendOneAsync(index, due, cancellationToken), cancellationToken);

        public string Progress(double seconds, SoakProbe probe) => string.Create(CultureInfo.InvariantCulture,
            $"[{seconds,6:0} s / {options.Duration.TotalSeconds:0} s] sent {Volatile.Read(ref sent)}, answered {Volatile.Read(ref answered)}, "
            + $"5xx {Volatile.Read(ref serverErrors)}, rejected {Volatile.Read(ref rejected)}, "
            + $"RSS {(probe.RssBytes is { } rss ? (rss / 1e6).ToString("0", CultureInfo.InvariantCulture) + " MB" : "?")}, "
            + $"queued {probe.Queued?.ToString(CultureInfo.InvariantCulture) ?? "?"}");

        private async Task SendOneAsync(int index, long due, CancellationToken cancellationToken)
        {
            var time = TimeProvider.System;
            // Late: the delay counts from the due time (the lag included). Early (a timer fired a little before the due
            // time): from the send, so a fast answer never has a negative delay.
            var now = time.GetTimestamp();
            var origin = Math.Min(due, now);
            var lag = (double)(now - origin) / time.TimestampFrequency;
            Interlocked.Increment(ref sent);
            var status = 0;
            var retryAfter = false;
            try
            {
                using var request = requests.Create(kinds[index], new Random(seeds[index]));
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                retryAfter = response.Headers.RetryAfter is not null;
                Interlocked.Increment(ref answered);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout: no answer.
            }

            if (status is 429 or 503)
            {
                Interlocked.Increment(ref rejected);
            }
            else if (status >= 500)
            {
                Interlocked.Increment(ref serverErrors);
            }

            var delay = time.GetElapsedTime(origin).TotalSeconds;
            samples[index] = new SoakSample(kinds[index], schedule.OffsetSeconds[index], delay, lag, status, retryAfter);
        }
    }
}
