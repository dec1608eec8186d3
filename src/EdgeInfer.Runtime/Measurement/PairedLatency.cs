using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Runtime.Measurement;

/// <summary>
/// Times two sessions alternately in one run, so that both see the same machine (other processes, clock speed, caches)
/// and a ratio of their medians is fair: sample i runs the baseline first for even i and the candidate first for odd i
/// (A B, B A, A B, …), so neither always runs right after the other. Both sessions are expected to be warmed up
/// (<see cref="RuntimeOptions.WarmupRuns"/>).
/// </summary>
public static class PairedLatency
{
    /// <summary>Times <paramref name="samples"/> runs of each session, alternating; returns the seconds of each run.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired between runs.</exception>
    public static (double[] Baseline, double[] Candidate) Sample(
        RuntimeSession baseline, RuntimeSession candidate, int samples, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var (a, b) = (new double[samples], new double[samples]);
        for (var i = 0; i < samples; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % 2 == 0)
            {
                a[i] = baseline.TimeOne(time).Value;
                b[i] = candidate.TimeOne(time).Value;
            }
            else
            {
                b[i] = candidate.TimeOne(time).Value;
                a[i] = baseline.TimeOne(time).Value;
            }
        }

        return (a, b);
    }
}
