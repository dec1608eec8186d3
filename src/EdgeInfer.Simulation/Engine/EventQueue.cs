namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// The future event list: a binary min-heap of value-type events ordered by (time, sequence number), so events at the
/// same time leave in the order they were scheduled and a run is deterministic. Grows by doubling; no allocation once
/// it has reached the run's largest size.
/// </summary>
internal sealed class EventQueue
{
    private Event[] heap = new Event[64];
    private long sequence;

    public int Count { get; private set; }

    public void Schedule(double time, EventKind kind, int a, int b)
    {
        if (Count == heap.Length)
        {
            Array.Resize(ref heap, heap.Length * 2);
        }

        var item = new Event(time, sequence++, kind, a, b);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(item, heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = item;
    }

    public Event Pop()
    {
        var top = heap[0];
        var last = heap[--Count];
        var i = 0;
        var half = Count >> 1;
        while (i < half)
        {
            var child = (2 * i) + 1;
            if (child + 1 < Count && Less(heap[child + 1], heap[child]))
            {
                child++;
            }

            if (!Less(heap[child], last))
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        if (Count > 0)
        {
            heap[i] = last;
        }

        return top;
    }

    private static bool Less(in Event x, in Event y) => x.Time < y.Time || (x.Time == y.Time && x.Sequence < y.Sequence);

    internal readonly record struct Event(double Time, long Sequence, EventKind Kind, int A, int B);
}

/// <summary>What an event does when it fires.</summary>
internal enum EventKind
{
    /// <summary>The next arrival of a Poisson class stream (A: class).</summary>
    ClassArrival,

    /// <summary>An arrival of one on/off device (A: device, B: its arrival version).</summary>
    DeviceArrival,

    /// <summary>An on/off device switches state (A: device, B: its arrival version).</summary>
    DeviceToggle,

    /// <summary>The next arrival of a class trace (A: class, B: position in its sorted trace).</summary>
    TraceArrival,

    /// <summary>A server's earliest job may finish (A: server index; stale when its time is not the server's scheduled one).</summary>
    ServerCompletion,
}
