namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// The future event list: a min-heap of value-type events ordered by (time, sequence number), so events at the same time
/// leave in the order they were scheduled and a run is deterministic. No allocation once it has reached the run's
/// largest size.
/// </summary>
internal sealed class EventQueue
{
    private readonly MinHeap<Event> heap = new(64);
    private long sequence;

    public int Count => heap.Count;

    public void Schedule(double time, EventKind kind, int a, int b) => heap.Push(new Event(time, sequence++, kind, a, b));

    public Event Pop() => heap.Pop();

    internal readonly record struct Event(double Time, long Sequence, EventKind Kind, int A, int B) : IComparable<Event>
    {
        public int CompareTo(Event other) => Time < other.Time ? -1 : Time > other.Time ? 1 : Sequence.CompareTo(other.Sequence);
    }
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
