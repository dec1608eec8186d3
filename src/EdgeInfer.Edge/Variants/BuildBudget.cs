using System.Collections.Concurrent;
using EdgeInfer.Edge.Api;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// On-demand builds per client and sliding window: a client (see <see cref="Security.ClientIdentity"/>) may start
/// <c>buildsPerWindow</c> builds in any <c>window</c>; one more is a 429 whose <c>Retry-After</c> is the time until its
/// oldest build in the window leaves it. Only builds count (a cache hit, or a request that joins a build in flight, does not),
/// and a build the edge refuses for its own capacity (503, 507) is given back.
/// </summary>
public sealed class BuildBudget(int buildsPerWindow, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LinkedList<DateTimeOffset>> starts = new(StringComparer.Ordinal);

    /// <summary>Counts one build for <paramref name="client"/>, or throws 429 when its window is full.</summary>
    /// <exception cref="EdgeProblemException">429 with <c>Retry-After</c>.</exception>
    public void Charge(string client)
    {
        var now = time.GetUtcNow();
        var queue = starts.GetOrAdd(client, _ => new LinkedList<DateTimeOffset>());
        lock (queue)
        {
            while (queue.First is { } oldest && now - oldest.Value >= window)
            {
                queue.RemoveFirst();
            }

            if (queue.Count >= buildsPerWindow)
            {
                var wait = queue.First!.Value + window - now;
                var seconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);
                throw new EdgeProblemException(429, "Build budget exhausted",
                    FormattableString.Invariant(
                        $"This client started {queue.Count} on-demand builds in the last {window.TotalSeconds:0} s, the most allowed; ")
                    + FormattableString.Invariant($"the next is possible in {seconds} s (variants already built are served meanwhile)."),
                    seconds);
            }

            queue.AddLast(now);
        }

        if (starts.Count > 10_000)
        {
            Prune(now);
        }
    }

    /// <summary>Gives back the newest build counted for <paramref name="client"/> (the edge refused it: queue full, no storage).</summary>
    public void Refund(string client)
    {
        if (starts.TryGetValue(client, out var queue))
        {
            lock (queue)
            {
                if (queue.Count > 0)
                {
                    queue.RemoveLast();
                }
            }
        }
    }

    /// <summary>Forgets clients whose windows are empty, so the table stays small.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (client, queue) in starts)
        {
            lock (queue)
            {
                if (queue.Last is { } newest && now - newest.Value < window)
                {
                    continue;
                }
            }

            starts.TryRemove(client, out _);
        }
    }
}
