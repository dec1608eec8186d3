using System.Globalization;
using EdgeInfer.Runtime.Measurement;

namespace EdgeInfer.Device.Loadgen;

/// <summary>The open loop: Poisson arrivals sent on schedule, whether or not earlier requests were answered.</summary>
public static partial class LoadGenerator
{
    /// <summary>
    /// K devices with Poisson arrivals (<see cref="ArrivalSchedule.Poisson"/> from <see cref="LoadgenOptions.Seed"/>):
    /// after <see cref="LoadgenOptions.WarmupPerClient"/> untimed closed-loop requests per device, each arrival is sent at
    /// its absolute time on <paramref name="time"/>'s monotonic clock (start + offset, so sleeping never drifts) on a
    /// thread-pool thread of its own, and a request in flight never delays the next one. Each request's delay runs from
    /// its scheduled arrival to its answer read; the report's percentiles are over the successful ones.
    /// </summary>
    /// <param name="options">Validated options with <see cref="LoadgenArrivals.Poisson"/> arrivals.</param>
    /// <param name="send">Sends one request and returns its HTTP status (0: no answer).</param>
    /// <param name="time">The clock: timestamps and delays.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public static async Task<LoadgenReport> MeasureOpenAsync(
        LoadgenOptions options, Func<CancellationToken, Task<int>> send, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(time);
        options.Validated();
        if (options.Arrivals != LoadgenArrivals.Poisson)
        {
            throw new ArgumentException("The open loop needs Poisson arrivals.", nameof(options));
        }

        var devices = options.Devices!.Value;
        var rate = options.RatePerDevicePerSecond!.Value;
        await Task.WhenAll(Enumerable.Range(0, devices).Select(async _ =>
        {
            for (var i = 0; i < options.WarmupPerClient; i++)
            {
                await send(cancellationToken).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);

        var schedule = ArrivalSchedule.Poisson(devices, rate, options.Seed, options.Requests, options.Duration?.TotalSeconds);
        var run = new OpenLoopRun(schedule, send, time);
        var start = time.GetTimestamp();
        await run.SendAllAsync(start, cancellationToken).ConfigureAwait(false);
        var wall = time.GetElapsedTime(start).TotalSeconds;
        return run.Report(options, wall);
    }

    /// <summary>The state of one open-loop run: per-request results in arrays sized up front, one slot per arrival.</summary>
    private sealed class OpenLoopRun(ArrivalSchedule schedule, Func<CancellationToken, Task<int>> send, TimeProvider time)
    {
        private readonly double[] delays = new double[schedule.Count];
        private readonly double[] lags = new double[schedule.Count];
        private readonly int[] statuses = new int[schedule.Count];
        private int inFlight;
        private int maxInFlight;

        public Task SendAllAsync(long start, CancellationToken cancellationToken) =>
            schedule.SendOnScheduleAsync(start, time, (index, due) => SendOneAsync(index, due, cancellationToken), cancellationToken);

        public LoadgenReport Report(LoadgenOptions options, double wallSeconds)
        {
            var ok = new List<double>(schedule.Count);
            var byStatus = new SortedDictionary<int, int>();
            for (var i = 0; i < schedule.Count; i++)
            {
                byStatus[statuses[i]] = byStatus.GetValueOrDefault(statuses[i]) + 1;
                if (statuses[i] is >= 200 and < 300)
                {
                    ok.Add(delays[i]);
                }
            }

            var stats = ok.Count > 0 ? LatencyStatistics.From(ok.ToArray()) : null;
            var samples = new LoadgenSample[schedule.Count];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = new LoadgenSample(schedule.Devices[i], schedule.OffsetSeconds[i], delays[i], lags[i], statuses[i]);
            }

            return new LoadgenReport(options.Model, options.Devices!.Value, schedule.Count, ok.Count, wallSeconds, ok.Count / wallSeconds,
                stats?.MedianSeconds ?? double.NaN, stats?.P90Seconds ?? double.NaN, stats?.P99Seconds ?? double.NaN, stats?.MeanSeconds ?? double.NaN,
                byStatus.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value))
            {
                Arrivals = LoadgenArrivals.Poisson,
                Devices = options.Devices,
                RatePerDevicePerSecond = options.RatePerDevicePerSecond,
                Seed = options.Seed,
                ArrivalWindowSeconds = schedule.Count > 0 ? schedule.OffsetSeconds[^1] : 0,
                MaxInFlight = maxInFlight,
                MeanDispatchLagSeconds = lags.Length > 0 ? lags.Average() : 0,
                MaxDispatchLagSeconds = lags.Length > 0 ? lags.Max() : 0,
                Samples = samples,
            };
        }

        private async Task SendOneAsync(int index, long due, CancellationToken cancellationToken)
        {
            lags[index] = Math.Max(0, time.GetElapsedTime(due).TotalSeconds);
            var now = Interlocked.Increment(ref inFlight);
            for (var seen = Volatile.Read(ref maxInFlight); now > seen; seen = Volatile.Read(ref maxInFlight))
            {
                if (Interlocked.CompareExchange(ref maxInFlight, now, seen) == seen)
                {
                    break;
                }
            }

            try
            {
                statuses[index] = await send(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }

            delays[index] = time.GetElapsedTime(due).TotalSeconds;
        }
    }
}
