namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// Processor sharing in virtual time: with n jobs present every job progresses at the same rate v(n) (work units per
/// second), so a job added at virtual time V with work w leaves when the virtual clock reaches V + w. The virtual clock
/// runs at v(n) between changes; the jobs sit in a min-heap of finish virtual times, so an add or a completion costs
/// O(log n) whatever the number of jobs, and the schedule is exact (no time steps).
/// <list type="bullet">
/// <item><see cref="SharingRate.Slowdown"/>: an edge under measured slowdown S, v(n) = 1/S(n − 1); work = unloaded seconds.</item>
/// <item><see cref="SharingRate.EqualTime"/>: a proportional-fair link, v(n) = 1/n; work = bits/R_i, the transfer's time alone.</item>
/// <item><see cref="SharingRate.EqualRate"/>: an equal-throughput link, v = 1/Σ(1/R_j) bit/s each; work = bits.</item>
/// </list>
/// </summary>
internal sealed class SharingServer(SharingRate mode, SlowdownTable? slowdown) : JobServer
{
    private readonly MinHeap<FinishingJob> jobs = new(16);
    private double lastTime, virtualNow, rate, sumInverseRates;

    public override double NextCompletionTime => Count == 0 ? double.PositiveInfinity : lastTime + ((jobs.Min.Finish - virtualNow) / rate);

    protected override void OnAdd(double now, int job, double work, double inverseRate)
    {
        Advance(now);
        jobs.Push(new FinishingJob(virtualNow + work, job, inverseRate));
        Count++;
        sumInverseRates += inverseRate;
        UpdateRate();
    }

    protected override int OnPop(double now)
    {
        Advance(now);
        var done = jobs.Pop();
        sumInverseRates -= done.InverseRate;
        if (--Count == 0)
        {
            // Empty: restart the virtual clock so rounding never accumulates over a long run.
            sumInverseRates = 0;
            virtualNow = 0;
        }

        UpdateRate();
        return done.Job;
    }

    private void Advance(double now)
    {
        if (Count > 0)
        {
            virtualNow += (now - lastTime) * rate;
        }

        lastTime = now;
    }

    private void UpdateRate() => rate = Count == 0 ? 1.0 : mode switch
    {
        SharingRate.Slowdown => 1.0 / slowdown!.At(Count - 1),
        SharingRate.EqualTime => 1.0 / Count,
        _ => 1.0 / sumInverseRates,
    };
}

/// <summary>How a <see cref="SharingServer"/>'s jobs progress.</summary>
internal enum SharingRate
{
    /// <summary>An edge under a slowdown curve.</summary>
    Slowdown,

    /// <summary>A proportional-fair link (equal time shares).</summary>
    EqualTime,

    /// <summary>An equal-throughput link.</summary>
    EqualRate,
}
