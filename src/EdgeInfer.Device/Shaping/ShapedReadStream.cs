using System.Diagnostics;

namespace EdgeInfer.Device.Shaping;

/// <summary>
/// A read-only stream that passes every byte read through a <see cref="LinkPacer"/> (the downlink) and counts them, with
/// the faults injected into its attempt (<see cref="LinkFaults"/>).
/// </summary>
public sealed class ShapedReadStream : Stream
{
    private const int Chunk = 16 * 1024;
    private readonly Stream inner;
    private readonly LinkPacer? pacer;
    private readonly TransferRecord record;
    private readonly FaultCursor faults;
    private long firstRead;
    private bool started;

    /// <summary>Reads <paramref name="inner"/> through <paramref name="pacer"/> (null: counted, not paced) into <paramref name="record"/>.</summary>
    public ShapedReadStream(Stream inner, LinkPacer? pacer, TransferRecord record)
        : this(inner, pacer, record, null)
    {
    }

    internal ShapedReadStream(Stream inner, LinkPacer? pacer, TransferRecord record, FaultCursor? faults)
    {
        this.inner = inner;
        this.pacer = pacer;
        this.record = record;
        this.faults = faults ?? FaultCursor.None(record);
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (firstRead == 0)
        {
            firstRead = Stopwatch.GetTimestamp();
        }

        var want = Math.Min(buffer.Length, Chunk);
        await faults.StallIfDueAsync(want, cancellationToken).ConfigureAwait(false);
        var allowed = faults.Allowed(want);
        if (allowed == 0 && want > 0)
        {
            throw faults.Drop();
        }

        var read = await inner.ReadAsync(buffer[..allowed], cancellationToken).ConfigureAwait(false);
        if (read == 0 && want > 0 && faults.DropsAtEnd)
        {
            throw faults.Drop();
        }

        if (read > 0)
        {
            faults.Advance(read);
            record.AddDown(read);
            if (pacer is not null)
            {
                await pacer.PassAsync(read, !started, cancellationToken).ConfigureAwait(false);
                started = true;
            }
        }
        else
        {
            record.DownloadSeconds += Stopwatch.GetElapsedTime(firstRead).TotalSeconds;
            firstRead = Stopwatch.GetTimestamp();
        }

        return read;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
