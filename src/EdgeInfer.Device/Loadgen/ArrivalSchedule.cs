namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// When each request of an open-loop load test arrives: offsets in seconds from the start, ascending, with the device that
/// sends each. Pure (no clock): the same arguments give the same schedule, so a run is reproducible from its seed.
/// </summary>
public sealed class ArrivalSchedule
{
    private readonly double[] offsetSeconds;
    private readonly int[] devices;

    private ArrivalSchedule(double[] offsetSeconds, int[] devices)
    {
        this.offsetSeconds = offsetSeconds;
        this.devices = devices;
    }

    /// <summary>Number of arrivals.</summary>
    public int Count => offsetSeconds.Length;

    /// <summary>Arrival times in seconds since the start, ascending.</summary>
    public IReadOnlyList<double> OffsetSeconds => offsetSeconds;

    /// <summary>The device (0 … K − 1) that sends each arrival.</summary>
    public IReadOnlyList<int> Devices => devices;

    /// <summary>
    /// Open loop: starts <paramref name="send"/>(index, due timestamp) for every arrival at its offset from
    /// <paramref name="start"/> (a <paramref name="time"/> timestamp), whether or not earlier ones were answered, and waits
    /// for all of them.
    /// </summary>
    public async Task SendOnScheduleAsync(long start, TimeProvider time, Func<int, long, Task> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(send);
        var requests = new Task[Count];
        for (var i = 0; i < Count; i++)
        {
            var due = start + (long)(offsetSeconds[i] * time.TimestampFrequency);
            var wait = due - time.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / time.TimestampFrequency), time, cancellationToken).ConfigureAwait(false);
            }

            var index = i;
            requests[i] = Task.Run(() => send(index, due), cancellationToken);
        }

        await Task.WhenAll(requests).ConfigureAwait(false);
    }

    /// <summary>
    /// K independent Poisson streams of rate R each, merged in time order: device d draws its inter-arrival times
    /// Δ = −ln(1 − U)/R (exponential, mean 1/R s) from its own <see cref="Random"/>, seeded from one master
    /// <c>Random(seed)</c>, so the merged stream is a Poisson process of rate K·R. It stops at
    /// <paramref name="maxArrivals"/> arrivals or at the first arrival at or after <paramref name="durationSeconds"/>,
    /// whichever comes first (at least one of them must be given).
    /// </summary>
    /// <param name="devices">K ≥ 1.</param>
    /// <param name="ratePerDevicePerSecond">R, requests per second per device, finite and above 0.</param>
    /// <param name="seed">Seed of the master random source.</param>
    /// <param name="maxArrivals">At most this many arrivals (≥ 1), or null.</param>
    /// <param name="durationSeconds">Only arrivals before this time (finite, above 0), or null.</param>
    public static ArrivalSchedule Poisson(int devices, double ratePerDevicePerSecond, int seed, int? maxArrivals, double? durationSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(devices, 1);
        if (!(ratePerDevicePerSecond > 0) || !double.IsFinite(ratePerDevicePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerDevicePerSecond), ratePerDevicePerSecond, "The rate must be finite and above 0.");
        }

        if (maxArrivals is null && durationSeconds is null)
        {
            throw new ArgumentException("Give maxArrivals, durationSeconds or both.", nameof(maxArrivals));
        }

        if (maxArrivals is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxArrivals), maxArrivals, "At least one arrival.");
        }

        if (durationSeconds is { } d && (!(d > 0) || !double.IsFinite(d)))
        {
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), d, "The duration must be finite and above 0.");
        }

        var master = new Random(seed);
        var streams = new Random[devices];
        var next = new PriorityQueue<int, double>(devices);
        for (var device = 0; device < devices; device++)
        {
            streams[device] = new Random(master.Next());
            next.Enqueue(device, Exponential(streams[device], ratePerDevicePerSecond));
        }

        var limit = maxArrivals ?? int.MaxValue;
        var end = durationSeconds ?? double.PositiveInfinity;
        var expected = Math.Min(limit, devices * ratePerDevicePerSecond * Math.Min(end, 1e9) * 1.1 + 16);
        var offsets = new List<double>((int)Math.Min(expected, 1 << 24));
        var senders = new List<int>(offsets.Capacity);
        while (offsets.Count < limit && next.TryDequeue(out var device, out var time) && time < end)
        {
            offsets.Add(time);
            senders.Add(device);
            next.Enqueue(device, time + Exponential(streams[device], ratePerDevicePerSecond));
        }

        return new ArrivalSchedule([.. offsets], [.. senders]);
    }

    /// <summary>An exponential draw of mean 1/rate: 1 − U lies in (0, 1], so the logarithm is finite.</summary>
    private static double Exponential(Random random, double rate) => -Math.Log(1.0 - random.NextDouble()) / rate;
}
