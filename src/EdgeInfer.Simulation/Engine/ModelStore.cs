using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// One edge's bounded store of pruned variants (full models live in the repository and are not counted). Keeps the
/// requests seen per variant (its popularity at this edge) and evicts by LRU, LFU, utility per byte, or never (static
/// top-k). Victims come from an indexed min-heap (LFU, utility) or a linked list (LRU): O(log k) per request, no allocation.
/// </summary>
internal sealed class ModelStore
{
    private readonly EvictionKind kind;
    private readonly long[] sizes;
    private readonly double[] pruneSeconds;
    private readonly bool[] resident;
    private readonly long[] requests;
    private readonly long[] lastUse;
    private readonly int[] heap;
    private readonly int[] heapIndex;
    private readonly int[] previous;
    private readonly int[] next;
    private int heapCount;
    private int lruHead = -1;
    private int lruTail = -1;
    private long clock;

    public ModelStore(EvictionKind kind, long capacityBytes, long[] sizes, double[] pruneSeconds)
    {
        this.kind = kind;
        CapacityBytes = capacityBytes;
        this.sizes = sizes;
        this.pruneSeconds = pruneSeconds;
        var n = sizes.Length;
        resident = new bool[n];
        requests = new long[n];
        lastUse = new long[n];
        heap = new int[n];
        heapIndex = new int[n];
        previous = new int[n];
        next = new int[n];
        Array.Fill(heapIndex, -1);
    }

    public long CapacityBytes { get; }

    public long UsedBytes { get; private set; }

    public bool Contains(int variant) => resident[variant];

    /// <summary>Requests for <paramref name="variant"/> seen at this edge.</summary>
    public long Requests(int variant) => requests[variant];

    /// <summary>A request for a pruned variant: counts it and refreshes its rank if resident.</summary>
    public void RecordRequest(int variant)
    {
        requests[variant]++;
        lastUse[variant] = ++clock;
        if (!resident[variant])
        {
            return;
        }

        if (kind == EvictionKind.Lru)
        {
            Unlink(variant);
            PushFront(variant);
        }
        else if (heapIndex[variant] >= 0)
        {
            SiftDown(heapIndex[variant]);
        }
    }

    /// <summary>Puts <paramref name="variant"/> in without any eviction rule (preloading); false when it does not fit.</summary>
    public bool Preload(int variant)
    {
        if (resident[variant] || UsedBytes + sizes[variant] > CapacityBytes)
        {
            return false;
        }

        Insert(variant);
        return true;
    }

    /// <summary>Puts every variant in, whatever the capacity ("prepruned": already in the repository).</summary>
    public void PreloadUnbounded(int variant)
    {
        if (!resident[variant])
        {
            Insert(variant);
        }
    }

    /// <summary>
    /// Offers a freshly pruned variant: evicts by the policy until it fits and keeps it, or refuses (static top-k never
    /// admits; utility per byte refuses a newcomer less dense than a victim; a variant larger than the store never fits).
    /// </summary>
    public bool TryAdmit(int variant)
    {
        if (resident[variant])
        {
            return true;
        }

        if (kind == EvictionKind.StaticTopK || sizes[variant] > CapacityBytes)
        {
            return false;
        }

        if (kind == EvictionKind.UtilityPerByte && !DenserThanVictims(variant))
        {
            return false;
        }

        while (UsedBytes + sizes[variant] > CapacityBytes)
        {
            Remove(kind == EvictionKind.Lru ? lruTail : heap[0]);
        }

        Insert(variant);
        return true;
    }

    private bool DenserThanVictims(int variant)
    {
        // Greedy knapsack: the residents that would go are the least dense; the newcomer must beat each of them.
        var density = Score(variant);
        var free = CapacityBytes - UsedBytes;
        if (free >= sizes[variant])
        {
            return true;
        }

        // Walk the heap in order without changing it: copy is avoided by checking the lowest few through repeated minima.
        Span<int> taken = stackalloc int[Math.Min(heapCount, 64)];
        var count = 0;
        while (free < sizes[variant] && count < taken.Length)
        {
            var victim = -1;
            for (var i = 0; i < heapCount; i++)
            {
                var candidate = heap[i];
                if (taken[..count].Contains(candidate))
                {
                    continue;
                }

                if (victim < 0 || Score(candidate) < Score(victim))
                {
                    victim = candidate;
                }
            }

            if (victim < 0 || Score(victim) >= density)
            {
                return false;
            }

            taken[count++] = victim;
            free += sizes[victim];
        }

        return free >= sizes[variant];
    }

    private void Insert(int variant)
    {
        resident[variant] = true;
        UsedBytes += sizes[variant];
        if (kind == EvictionKind.Lru)
        {
            PushFront(variant);
            return;
        }

        var i = heapCount++;
        heap[i] = variant;
        heapIndex[variant] = i;
        SiftUp(i);
    }

    private void Remove(int variant)
    {
        resident[variant] = false;
        UsedBytes -= sizes[variant];
        if (kind == EvictionKind.Lru)
        {
            Unlink(variant);
            return;
        }

        var i = heapIndex[variant];
        var last = heap[--heapCount];
        heapIndex[variant] = -1;
        if (i < heapCount)
        {
            heap[i] = last;
            heapIndex[last] = i;
            SiftDown(i);
            SiftUp(heapIndex[last]);
        }
    }

    /// <summary>The eviction rank: lower goes first. LFU: requests (ties: older use); utility: requests × T_pr / bytes.</summary>
    private double Score(int variant) => kind == EvictionKind.UtilityPerByte
        ? requests[variant] * pruneSeconds[variant] / sizes[variant]
        : requests[variant];

    private bool Lower(int a, int b)
    {
        var (sa, sb) = (Score(a), Score(b));
        return sa < sb || (sa == sb && lastUse[a] < lastUse[b]);
    }

    private void SiftUp(int i)
    {
        var item = heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Lower(item, heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            heapIndex[heap[i]] = i;
            i = parent;
        }

        heap[i] = item;
        heapIndex[item] = i;
    }

    private void SiftDown(int i)
    {
        var item = heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= heapCount)
            {
                break;
            }

            if (child + 1 < heapCount && Lower(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Lower(heap[child], item))
            {
                break;
            }

            heap[i] = heap[child];
            heapIndex[heap[i]] = i;
            i = child;
        }

        heap[i] = item;
        heapIndex[item] = i;
    }

    private void PushFront(int variant)
    {
        previous[variant] = -1;
        next[variant] = lruHead;
        if (lruHead >= 0)
        {
            previous[lruHead] = variant;
        }

        lruHead = variant;
        if (lruTail < 0)
        {
            lruTail = variant;
        }
    }

    private void Unlink(int variant)
    {
        var (p, n) = (previous[variant], next[variant]);
        if (p >= 0)
        {
            next[p] = n;
        }
        else
        {
            lruHead = n;
        }

        if (n >= 0)
        {
            previous[n] = p;
        }
        else
        {
            lruTail = p;
        }
    }
}
