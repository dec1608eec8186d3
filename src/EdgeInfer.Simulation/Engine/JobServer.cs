namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// A resource that jobs pass through: a cell's uplink or downlink, or an edge's compute. Jobs are ints (a request's
/// index, or a negative number for an on-demand prune). The engine asks for the earliest completion after every change
/// and keeps one live event per server (<c>SimulationRun.Reschedule</c>).
/// Also integrates its busy time (≥ 1 job) and the share of it spent on prunes, for utilisation and edge energy.
/// </summary>
internal abstract class JobServer
{
    private double lastStatsTime;
    private double statsStart;
    private int pruneJobs;

    /// <summary>Jobs in the server (being served or waiting).</summary>
    public int Count { get; protected set; }

    /// <summary>Seconds with at least one job.</summary>
    public double BusySeconds { get; private set; }

    /// <summary>Seconds of busy time attributed to prune jobs (their share of the jobs present).</summary>
    public double PruneBusySeconds { get; private set; }

    /// <summary>∫ n(t) dt: jobs times seconds, for the mean number of jobs.</summary>
    public double JobSeconds { get; private set; }

    /// <summary>The wall time of the earliest completion, +∞ when empty.</summary>
    public abstract double NextCompletionTime { get; }

    /// <summary>Adds a job of <paramref name="work"/> (seconds alone, or bits for an equal-rate link; its rate's inverse for the latter).</summary>
    public void Add(double now, int job, double work, double inverseRate)
    {
        Integrate(now);
        pruneJobs += job < 0 ? 1 : 0;
        OnAdd(now, job, work, inverseRate);
    }

    /// <summary>Removes and returns the job that finishes first (its completion time is <paramref name="now"/>).</summary>
    public int PopFinished(double now)
    {
        Integrate(now);
        var job = OnPop(now);
        pruneJobs -= job < 0 ? 1 : 0;
        return job;
    }

    /// <summary>Brings the busy-time integrals up to <paramref name="now"/>.</summary>
    public void Integrate(double now)
    {
        var dt = now - lastStatsTime;
        if (Count > 0 && dt > 0)
        {
            BusySeconds += dt;
            PruneBusySeconds += dt * pruneJobs / Count;
            JobSeconds += dt * Count;
        }

        lastStatsTime = now;
    }

    /// <summary>Forgets the integrals (end of the warm-up), keeping the jobs.</summary>
    public void ResetStatistics(double now)
    {
        Integrate(now);
        BusySeconds = PruneBusySeconds = JobSeconds = 0;
        statsStart = now;
    }

    /// <summary>The time-average number of jobs since the statistics started (the current count before any time passed).</summary>
    public double MeanJobs(double now)
    {
        var span = now - statsStart;
        return span > 0 ? (JobSeconds + (Count * (now - lastStatsTime))) / span : Count;
    }

    protected abstract void OnAdd(double now, int job, double work, double inverseRate);

    protected abstract int OnPop(double now);
}
