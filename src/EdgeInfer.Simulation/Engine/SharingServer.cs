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
    private double[] finish = new double[16];
    private int[] jobs = new int[16];
    private double[] inverseRates = new double[16];
    private double lastTime, virtualNow, rate, sumInverseRates;

    public override double NextCompletionTime => Count == 0 ? double.PositiveInfinity : lastTime + ((finish[0] - virtualNow) / rate);

    protected override void OnAdd(double now, int job, double work, double inverseRate)
    {
        Advance(now);
        if (Count == finish.Length)
        {
            Array.Resize(ref finish, Count * 2);
            Array.Resize(ref jobs, Count * 2);
            Array.Resize(ref inverseRates, Count * 2);
        }

        var key = virtualNow + work;
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (finish[parent] <= key)
            {
                break;
            }

            Move(parent, i);
            i = parent;
        }

        (finish[i], jobs[i], inverseRates[i]) = (key, job, inverseRate);
        sumInverseRates += inverseRate;
        UpdateRate();
    }

    protected override int OnPop(double now)
    {
        Advance(now);
        var job = jobs[0];
        sumInverseRates -= inverseRates[0];
        var n = --Count;
        if (n > 0)
        {
            var (key, lastJob, lastInverse) = (finish[n], jobs[n], inverseRates[n]);
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

                Move(child, i);
                i = child;
            }

            (finish[i], jobs[i], inverseRates[i]) = (key, lastJob, lastInverse);
        }
        else
        {
            // Empty: restart the virtual clock so rounding never accumulates over a long run.
            sumInverseRates = 0;
            virtualNow = 0;
        }

        UpdateRate();
        return job;
    }

    private void Move(int from, int to)
    {
        finish[to] = finish[from];
        jobs[to] = jobs[from];
        inverseRates[to] = inverseRates[from];
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
