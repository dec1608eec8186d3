namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// c servers, first come first served: a job starts on a free server at full speed (its work in seconds) or waits in a
/// FIFO queue; the running jobs' finish times sit in a min-heap of at most c entries.
/// </summary>
internal sealed class FcfsServer(int servers) : JobServer
{
    private readonly MinHeap<FinishingJob> running = new(servers);
    private readonly Queue<(int Job, double Work)> waiting = new();

    public override double NextCompletionTime => running.Count == 0 ? double.PositiveInfinity : running.Min.Finish;

    protected override void OnAdd(double now, int job, double work, double inverseRate)
    {
        Count++;
        if (running.Count < servers)
        {
            running.Push(new FinishingJob(now + work, job, 0));
        }
        else
        {
            waiting.Enqueue((job, work));
        }
    }

    protected override int OnPop(double now)
    {
        var done = running.Pop();
        Count--;
        if (waiting.TryDequeue(out var next))
        {
            running.Push(new FinishingJob(now + next.Work, next.Job, 0));
        }

        return done.Job;
    }
}
