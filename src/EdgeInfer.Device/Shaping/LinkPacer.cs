using System.Diagnostics;
using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Paces one direction of the emulated radio link at a fixed rate: every byte that passes is scheduled on a virtual
/// clock (bytes·8 / rate seconds each), and the caller sleeps until the schedule catches up with the wall clock. Shared by
/// every transfer in that direction, so concurrent transfers split the rate as on one link. Sleeps shorter than
/// <see cref="MinimumSleep"/> are deferred and merged, so timer granularity does not slow the link.
/// </summary>
public sealed class LinkPacer
{
    /// <summary>Debt below which no sleep is made.</summary>
    public static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// How far the schedule may lag the wall clock and still be caught up within one transfer: a sleep that overshoots
    /// (timer granularity) is made good by the next chunks. A new transfer never starts with credit, so an idle link
    /// banks no burst.
    /// </summary>
    public static readonly TimeSpan MaximumCatchUp = TimeSpan.FromMilliseconds(5);

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly double secondsPerByte;
    private long nextFree;

    /// <summary>A pacer at <paramref name="rate"/> (must be positive).</summary>
    public LinkPacer(BitsPerSecond rate, TimeProvider? time = null)
    {
        if (!(rate.Value > 0) || double.IsInfinity(rate.Value))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate.Value, "The link rate must be a positive, finite bit rate.");
        }

        Rate = rate;
        this.time = time ?? TimeProvider.System;
        secondsPerByte = 8.0 / rate.Value;
    }

    /// <summary>The emulated rate.</summary>
    public BitsPerSecond Rate { get; }

    /// <summary>Accounts <paramref name="bytes"/> and waits until the link has carried them.</summary>
    /// <param name="bytes">Bytes passing now.</param>
    /// <param name="firstOfTransfer">True for the first chunk of a transfer (it starts no earlier than now).</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async ValueTask PassAsync(int bytes, bool firstOfTransfer, CancellationToken cancellationToken)
    {
        long due;
        var now = time.GetTimestamp();
        lock (gate)
        {
            var earliest = firstOfTransfer ? now : now - (long)(MaximumCatchUp.TotalSeconds * time.TimestampFrequency);
            var start = Math.Max(nextFree, earliest);
            nextFree = start + (long)(bytes * secondsPerByte * time.TimestampFrequency);
            due = nextFree;
        }

        var wait = TimeSpan.FromSeconds((double)(due - now) / time.TimestampFrequency);
        if (wait >= MinimumSleep)
        {
            // Timers count whole milliseconds and truncate: rounded up, so that a wait of 24.9999 ms is not a 24 ms sleep
            // and the link is never faster than its rate.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Seconds the link needs for <paramref name="bytes"/> (Eqs. (1) and (4): l / D).</summary>
    public double SecondsFor(long bytes) => bytes * secondsPerByte;

    internal static double Elapsed(long start) => Stopwatch.GetElapsedTime(start).TotalSeconds;
}
