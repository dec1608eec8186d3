namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Applies an attempt's faults to one body as its bytes pass: a stall pauses before the chunk that holds its byte, a drop
/// lets the bytes before its byte pass and then fails with an <see cref="IOException"/>, as a connection reset would. A
/// drop at or past the body's end fails at the end (the body never completes).
/// </summary>
internal sealed class FaultCursor(long? dropAt, long? stallAt, TimeSpan stallLength, LinkFaults? source, TransferRecord record)
{
    /// <summary>A cursor that injects nothing.</summary>
    public static FaultCursor None(TransferRecord record) => new(null, null, TimeSpan.Zero, null, record);

    private long position;
    private bool stalled;

    /// <summary>True when a drop is due at the end of the body (the body ended at or before the drop's byte).</summary>
    public bool DropsAtEnd => dropAt is not null;

    /// <summary>Pauses once, when the stall's byte lies in the next <paramref name="count"/> bytes.</summary>
    public async ValueTask StallIfDueAsync(int count, CancellationToken cancellationToken)
    {
        if (!stalled && stallAt is { } at && at < position + count)
        {
            stalled = true;
            source?.CountStall(stallLength);
            record.AddStall(stallLength);
            await Task.Delay(stallLength, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How many of the next <paramref name="count"/> bytes pass before the drop (all when none is due in them).</summary>
    public int Allowed(int count) => dropAt is { } at && at < position + count ? (int)Math.Max(0, at - position) : count;

    /// <summary>Counts <paramref name="count"/> bytes passed.</summary>
    public void Advance(int count) => position += count;

    /// <summary>The exception of the injected drop (counted).</summary>
    public IOException Drop()
    {
        dropAt = null;
        source?.CountDrop();
        record.AddDrop();
        return new IOException($"Injected connection drop after {position} body bytes (link fault).");
    }
}
