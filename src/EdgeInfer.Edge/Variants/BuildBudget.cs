using System.Collections.Concurrent;
using EdgeInfer.Edge.Api;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// On-demand builds per client and sliding window: a client (see <see cref="Security.ClientIdentity"/>) may start
/// <c>buildsPerWindow</c> builds in any <c>window</c>; one more is a 429 whose <c>Retry-After</c> is the time until its
/// oldest build in the window leaves it. Only builds count (a cache hit, or a request that joins a build in flight, does not).
/// </summary>
public sealed class BuildBudget(int buildsPerWindow, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> starts = new(StringComparer.Ordinal);

    /// <summary>Counts one build for <paramref name="client"/>, or throws 429 when its window is full.</summary>
    /// <exception cref="EdgeProblemException">429 with <c>Retry-After</c>.</exception>
    public void Charge(string client)
    {
        var now = time.GetUtcNow();
        var queue = starts.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.TryPeek(out var oldest) && now - oldest >= window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= buildsPerWindow)
            {
                var wait = queue.Peek() + window - now;
                var seconds = (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);
                throw new EdgeProblemException(429, "Build budget exhausted",
                    FormattableString.Invariant(
                        $"This client started {queue.Count} on-demand builds in the last {window.TotalSeconds:0} s, the most allowed; ")
                    + FormattableString.Invariant($"the next is possible in {seconds} s (variants already built are served meanwhile)."),
                    seconds);
            }

            queue.Enqueue(now);
        }

        if (starts.Count > 10_000)
        {
            Prune(now);
        }
    }

    /// <summary>Forgets clients whose windows are empty, so the table stays small.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (client, queue) in starts)
        {
            lock (queue)
            {
                if (queue.Count > 0 && now - queue.Last() < window)
                {
                    continue;
                }
            }

            starts.TryRemove(client, out _);
        }
    }
}
