using System.Diagnostics;

namespace EdgeInfer.Device.Shaping;

/// <summary>A read-only stream that passes every byte read through a <see cref="LinkPacer"/> (the downlink) and counts them.</summary>
public sealed class ShapedReadStream(Stream inner, LinkPacer? pacer, TransferRecord record) : Stream
{
    private const int Chunk = 16 * 1024;
    private long firstRead;
    private bool started;

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

        var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, Chunk)], cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
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
