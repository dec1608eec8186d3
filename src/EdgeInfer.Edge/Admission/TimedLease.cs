using System.Diagnostics;
using System.Threading.RateLimiting;

namespace EdgeInfer.Edge.Admission;

/// <summary>An acquired slot that records how long it was held into <see cref="SlotTimes"/> when disposed (once).</summary>
internal sealed class TimedLease(RateLimitLease inner, SlotTimes times) : RateLimitLease
{
    private readonly long start = Stopwatch.GetTimestamp();
    private int disposed;

    public override bool IsAcquired => inner.IsAcquired;

    public override IEnumerable<string> MetadataNames => inner.MetadataNames;

    public override bool TryGetMetadata(string metadataName, out object? metadata) => inner.TryGetMetadata(metadataName, out metadata);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
