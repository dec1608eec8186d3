using System.Diagnostics;
using EdgeInfer.Edge.Api;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The one queue every on-demand build goes through (prune, quantize, wire and COO encodings): at most
/// <c>maxConcurrent</c> run at once, the sum of their estimated peak memory stays within <c>memoryBudgetBytes</c> (a build
/// larger than the whole budget runs alone), and at most <c>maxQueued</c> wait, first in first out; one more is refused at
/// once with a 503 and a <c>Retry-After</c> estimated from recent build times.
/// </summary>
public sealed class BuildScheduler(int maxConcurrent, int maxQueued, long memoryBudgetBytes)
{
    /// <summary>
    /// Peak memory of a build as a multiple of its source model's file size: measured (VmHWM of an edge process before and
    /// after one on-demand prune with the wire encoding, scripts/probe-builds.py --one) at 3.2× for ResNet-152 and 3.8× for
    /// MobileNet (whose figure includes the first build's JIT); rounded up.
    /// </summary>
    public const double MemoryFactor = 4.0;

    /// <summary>
    /// Estimated peak from which a build's end is followed by a compacting, aggressive full GC (outside the queue's lock):
    /// without it the large-object heap a ResNet-152 prune leaves behind is kept, and 17 one-at-a-time prunes grew the
    /// process to 4.3 GB (scripts/probe-builds.py), far beyond the budget one build is admitted with.
    /// </summary>
    public const long CollectAfterBytes = 256L << 20;

    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> waiting = new();
    private int running;
    private long memoryInUse;
    private double meanBuildSeconds = 1;

    /// <summary>Builds running now.</summary>
    public int Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }

    /// <summary>Builds waiting now.</summary>
    public int Queued
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>Estimated peak memory (bytes) of building from a source file of <paramref name="sourceBytes"/>.</summary>
    public static long EstimateMemoryBytes(long sourceBytes) => (long)(MemoryFactor * Math.Max(0, sourceBytes));

    /// <summary>Waits for a slot with room for <paramref name="estimatedBytes"/>; dispose the result when the build ends.</summary>
    /// <exception cref="EdgeProblemException">503 with <c>Retry-After</c> when the queue is full.</exception>
    public async Task<IDisposable> EnterAsync(long estimatedBytes, CancellationToken cancellationToken)
    {
        Waiter waiter;
        LinkedListNode<Waiter> node;
        lock (gate)
        {
            if (waiting.Count == 0 && CanRun(estimatedBytes))
            {
                return Grant(estimatedBytes);
            }

            if (waiting.Count >= maxQueued)
            {
                var seconds = (int)Math.Clamp(Math.Ceiling(meanBuildSeconds * (waiting.Count + running) / maxConcurrent), 1, 3600);
                throw new EdgeProblemException(503, "Build queue full",
                    $"{running} on-demand builds run and {waiting.Count} wait, the most this edge queues; try again later.", seconds);
            }

            waiter = new Waiter(estimatedBytes);
            node = waiting.AddLast(waiter);
        }

        try
        {
            return await waiter.Granted.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (gate)
            {
                if (node.List is not null)
                {
                    waiting.Remove(node);
                    throw;
                }
            }

            // Granted as it was cancelled: give the slot back.
            (await waiter.Granted.Task.ConfigureAwait(false)).Dispose();
            throw;
        }
    }

    private bool CanRun(long bytes) => running < maxConcurrent && (running == 0 || memoryInUse + bytes <= memoryBudgetBytes);

    private Slot Grant(long bytes)
    {
        running++;
        memoryInUse += bytes;
        return new Slot(this, bytes);
    }

    private void Release(long bytes, double seconds)
    {
        lock (gate)
        {
            running--;
            memoryInUse -= bytes;
            meanBuildSeconds = (0.8 * meanBuildSeconds) + (0.2 * seconds);
            while (waiting.First is { } first && CanRun(first.Value.Bytes))
            {
                waiting.RemoveFirst();
                first.Value.Granted.TrySetResult(Grant(first.Value.Bytes));
            }
        }
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public TaskCompletionSource<IDisposable> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Slot(BuildScheduler queue, long bytes) : IDisposable
    {
        private readonly long start = Stopwatch.GetTimestamp();
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                queue.Release(bytes, Stopwatch.GetElapsedTime(start).TotalSeconds);
                if (bytes >= CollectAfterBytes)
                {
                    // Return the build's memory to the OS, so the budget describes the process (see CollectAfterBytes).
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
            }
        }
    }
}
