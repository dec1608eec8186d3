namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// c servers, first come first served: a job starts on a free server at full speed (its work in seconds) or waits in a
/// FIFO queue; the running jobs' finish times sit in a min-heap of at most c entries.
/// </summary>
internal sealed class FcfsServer(int servers) : JobServer
{
    private readonly double[] finish = new double[servers];
    private readonly int[] running = new int[servers];
    private int busy;
    private int[] queueJobs = new int[16];
    private double[] queueWork = new double[16];
    private int head, queued;

    public override double NextCompletionTime => busy == 0 ? double.PositiveInfinity : finish[0];

    protected override void OnAdd(double now, int job, double work, double inverseRate)
    {
        Count++;
        if (busy < servers)
        {
            Start(now, job, work);
            return;
        }

        if (queued == queueJobs.Length)
        {
            Grow();
        }

        var tail = (head + queued) % queueJobs.Length;
        (queueJobs[tail], queueWork[tail]) = (job, work);
        queued++;
    }

    protected override int OnPop(double now)
    {
        var job = running[0];
        var n = --busy;
        if (n > 0)
        {
            SiftDown(finish[n], running[n], n);
        }

        Count--;
        if (queued > 0)
        {
            var (next, work) = (queueJobs[head], queueWork[head]);
            head = (head + 1) % queueJobs.Length;
            queued--;
            Start(now, next, work);
        }

        return job;
    }

    private void Start(double now, int job, double work)
    {
        var key = now + work;
        var i = busy++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (finish[parent] <= key)
            {
                break;
            }

            (finish[i], running[i]) = (finish[parent], running[parent]);
            i = parent;
        }

        (finish[i], running[i]) = (key, job);
    }

    private void SiftDown(double key, int job, int n)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= n)
            {
                break;
            }

            if (child + 1 < n && finish[child + 1] < finish[child])
            {
                child++;
            }

            if (finish[child] >= key)
            {
                break;
            }

            (finish[i], running[i]) = (finish[child], running[child]);
            i = child;
        }

        (finish[i], running[i]) = (key, job);
    }

    private void Grow()
    {
        var jobs = new int[queueJobs.Length * 2];
        var work = new double[queueJobs.Length * 2];
        for (var i = 0; i < queued; i++)
        {
            jobs[i] = queueJobs[(head + i) % queueJobs.Length];
            work[i] = queueWork[(head + i) % queueJobs.Length];
        }

        (queueJobs, queueWork, head) = (jobs, work, 0);
    }
}
