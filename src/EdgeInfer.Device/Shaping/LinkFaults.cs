namespace EdgeInfer.Device.Shaping;

/// <summary>
/// The fault source of one client (<see cref="LinkFaultOptions"/>): draws each attempt's faults from its seeded random
/// source and counts what it injected. Thread-safe; concurrent attempts take their draws in arrival order.
/// </summary>
public sealed class LinkFaults
{
    private readonly Lock gate = new();
    private readonly Random random;
    private long drops;
    private long stalls;
    private long stallTicks;

    /// <summary>A fault source for <paramref name="options"/> (validated here).</summary>
    public LinkFaults(LinkFaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
        random = new Random(options.Seed);
    }

    /// <summary>The validated options.</summary>
    public LinkFaultOptions Options { get; }

    /// <summary>Connection drops injected so far.</summary>
    public long Drops => Interlocked.Read(ref drops);

    /// <summary>Stalls injected so far.</summary>
    public long Stalls => Interlocked.Read(ref stalls);

    /// <summary>Time the injected stalls paused the link so far.</summary>
    public TimeSpan StallTime => TimeSpan.FromTicks(Interlocked.Read(ref stallTicks));

    /// <summary>
    /// The faults of the next attempt. Always six draws (whether each fault happens, in which direction, where), so the
    /// sequence does not depend on what earlier attempts carried.
    /// </summary>
    /// <param name="hasRequestBody">True when the attempt uploads a body (a fault may then hit the upload, else the response).</param>
    internal AttemptFaults Next(bool hasRequestBody)
    {
        double drop, dropSide, dropAt, stall, stallSide, stallAt;
        lock (gate)
        {
            (drop, dropSide, dropAt) = (random.NextDouble(), random.NextDouble(), random.NextDouble());
            (stall, stallSide, stallAt) = (random.NextDouble(), random.NextDouble(), random.NextDouble());
        }

        var o = Options;
        var dropped = drop < o.DropProbability;
        var stalled = stall < o.StallProbability && o.StallLength.Value > 0;
        return new AttemptFaults(
            this,
            dropped ? new FaultPoint(hasRequestBody && dropSide < 0.5, dropAt) : null,
            stalled ? new FaultPoint(hasRequestBody && stallSide < 0.5, stallAt) : null,
            TimeSpan.FromSeconds(o.StallLength.Value));
    }

    internal void CountDrop() => Interlocked.Increment(ref drops);

    internal void CountStall(TimeSpan length)
    {
        Interlocked.Increment(ref stalls);
        Interlocked.Add(ref stallTicks, length.Ticks);
    }
}
