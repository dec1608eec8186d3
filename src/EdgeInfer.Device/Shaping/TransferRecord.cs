namespace EdgeInfer.Device.Shaping;

/// <summary>
/// What one HTTP exchange carried and how long its transfers took on the (shaped) link: body bytes up and down, upload
/// time (request body), download time (response body, first read to end). Retried attempts add up.
/// </summary>
public sealed class TransferRecord
{
    private long bytesUp;
    private long bytesDown;
    private int drops;
    private int stalls;
    private long stallTicks;

    /// <summary>Request body bytes sent (all attempts).</summary>
    public long BytesUp => Interlocked.Read(ref bytesUp);

    /// <summary>Response body bytes received.</summary>
    public long BytesDown => Interlocked.Read(ref bytesDown);

    /// <summary>Seconds spent sending request bodies.</summary>
    public double UploadSeconds { get; set; }

    /// <summary>Seconds spent receiving response bodies.</summary>
    public double DownloadSeconds { get; set; }

    /// <summary>Injected connection drops (all attempts; <see cref="LinkFaults"/>).</summary>
    public int Drops => Volatile.Read(ref drops);

    /// <summary>Injected stalls (all attempts).</summary>
    public int Stalls => Volatile.Read(ref stalls);

    /// <summary>Seconds the injected stalls paused this exchange.</summary>
    public double StallSeconds => TimeSpan.FromTicks(Interlocked.Read(ref stallTicks)).TotalSeconds;

    internal void AddDrop() => Interlocked.Increment(ref drops);

    internal void AddStall(TimeSpan length)
    {
        Interlocked.Increment(ref stalls);
        Interlocked.Add(ref stallTicks, length.Ticks);
    }

    internal void AddUp(long bytes) => Interlocked.Add(ref bytesUp, bytes);

    internal void AddDown(long bytes) => Interlocked.Add(ref bytesDown, bytes);
}
