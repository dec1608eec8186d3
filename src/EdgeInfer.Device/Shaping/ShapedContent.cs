using System.Diagnostics;
using System.Net;

namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Request content sent through the uplink <see cref="LinkPacer"/> in 16 kB chunks, counted in a <see cref="TransferRecord"/>.
/// Re-sendable when the inner content is (a retry serializes it again, paced again, with that attempt's injected faults).
/// </summary>
public sealed class ShapedContent : ForwardingContent
{
    private readonly LinkPacer? pacer;

    /// <summary>Wraps <paramref name="inner"/>; a null <paramref name="pacer"/> counts the bytes without pacing.</summary>
    public ShapedContent(HttpContent inner, LinkPacer? pacer, TransferRecord record)
        : base(inner)
    {
        this.pacer = pacer;
        Record = record;
    }

    /// <summary>The record the bytes are counted in.</summary>
    public TransferRecord Record { get; }

    /// <summary>The faults of the attempt about to send this content (set by <see cref="ShapingHandler"/>), or null.</summary>
    internal AttemptFaults? Attempt { get; set; }

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var cursor = Attempt?.Cursor(upload: true, Inner.Headers.ContentLength, Record) ?? FaultCursor.None(Record);
        await using var paced = new PacedWriteStream(stream, pacer, Record, cursor);
        await Inner.CopyToAsync(paced, cancellationToken).ConfigureAwait(false);
        if (cursor.DropsAtEnd)
        {
            throw cursor.Drop();
        }

        Record.UploadSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// Writes through to the transport in 16 kB chunks, each paced and counted, with the attempt's faults; never disposes
    /// the transport.
    /// </summary>
    private sealed class PacedWriteStream(Stream transport, LinkPacer? pacer, TransferRecord record, FaultCursor faults) : Stream
    {
        private const int Chunk = 16 * 1024;
        private bool started;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (!buffer.IsEmpty)
            {
                var part = buffer[..Math.Min(Chunk, buffer.Length)];
                await faults.StallIfDueAsync(part.Length, cancellationToken).ConfigureAwait(false);
                var allowed = faults.Allowed(part.Length);
                if (allowed < part.Length)
                {
                    await transport.WriteAsync(part[..allowed], cancellationToken).ConfigureAwait(false);
                    record.AddUp(allowed);
                    throw faults.Drop();
                }

                await transport.WriteAsync(part, cancellationToken).ConfigureAwait(false);
                record.AddUp(part.Length);
                faults.Advance(part.Length);
                if (pacer is not null)
                {
                    await pacer.PassAsync(part.Length, !started, cancellationToken).ConfigureAwait(false);
                    started = true;
                }

                buffer = buffer[part.Length..];
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => transport.FlushAsync(cancellationToken);

        public override void Flush() => transport.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
