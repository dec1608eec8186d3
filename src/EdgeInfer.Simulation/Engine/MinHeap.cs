namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// A binary min-heap of value-type items (the event list, a server's finishing jobs). Grows by doubling and then
/// allocates nothing; with a struct <typeparamref name="T"/> the comparisons are direct calls.
/// </summary>
internal sealed class MinHeap<T>(int capacity)
    where T : struct, IComparable<T>
{
    private T[] items = new T[Math.Max(1, capacity)];

    public int Count { get; private set; }

    /// <summary>The smallest item (the heap must not be empty).</summary>
    public ref readonly T Min => ref items[0];

    public void Push(in T item)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (item.CompareTo(items[parent]) >= 0)
            {
                break;
            }

            items[i] = items[parent];
            i = parent;
        }

        items[i] = item;
    }

    public T Pop()
    {
        var top = items[0];
        var n = --Count;
        if (n > 0)
        {
            var last = items[n];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= n)
                {
                    break;
                }

                if (child + 1 < n && items[child + 1].CompareTo(items[child]) < 0)
                {
                    child++;
                }

                if (items[child].CompareTo(last) >= 0)
                {
                    break;
                }

                items[i] = items[child];
                i = child;
            }

            items[i] = last;
        }

        return top;
    }
}
