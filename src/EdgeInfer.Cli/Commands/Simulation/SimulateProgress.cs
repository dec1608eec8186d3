using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// Progress of <c>simulate</c> as plain lines on stderr, from any thread, in one piece each: one line per finished run
/// with its wall time, and, for long runs, the share of simulated time done, at most one such line per second overall.
/// On a terminal (<see cref="ProgressMode.Live"/>) the same lines above a live bar of the finished runs with an ETA.
/// Dispose it when the runs are done.
/// </summary>
internal sealed class SimulateProgress(TextWriter error, ProgressMode mode) : IDisposable
{
    private static readonly long Interval = Stopwatch.Frequency;
    private readonly Lock gate = new();
    private long lastPercent = Stopwatch.GetTimestamp();
    private readonly LiveProgress? live = mode == ProgressMode.Live ? new LiveProgress(error) : null;
    private int finished;

    /// <summary>Progress on <paramref name="error"/>, live when it is a terminal.</summary>
    public SimulateProgress(TextWriter error)
        : this(error, ProgressModes.For(error))
    {
    }

    /// <summary>A plain line.</summary>
    public void Line(string text)
    {
        lock (gate)
        {
            Write(text);
        }
    }

    /// <summary>
    /// Run <paramref name="run"/>, started at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp), has done
    /// <paramref name="fraction"/> of its simulated time; printed once the run has taken a second, and at most once a second.
    /// </summary>
    public void Percent(SimulateRun run, long started, double fraction)
    {
        var now = Stopwatch.GetTimestamp();
        if (now - started < Interval || now - Volatile.Read(ref lastPercent) < Interval)
        {
            return;
        }

        lock (gate)
        {
            if (now - lastPercent < Interval)
            {
                return;
            }

            lastPercent = now;
            Write(string.Create(CultureInfo.InvariantCulture, $"  {Describe(run)}: {fraction * 100:0} % of simulated time"));
        }
    }

    /// <summary>Run <paramref name="run"/> finished in <paramref name="wallSeconds"/>; <paramref name="total"/> runs in all.</summary>
    public void Finished(SimulateRun run, SimulationResult result, double wallSeconds, int total)
    {
        lock (gate)
        {
            finished++;
            Write(string.Create(
                CultureInfo.InvariantCulture,
                $"run {finished}/{total} {Describe(run)}: {result.Requests} requests, "
                    + $"mean delay {result.MeanDelaySeconds:0.###} s, {wallSeconds:0.00} s wall"));
            live?.Step("simulate", finished, total, Describe(run));
        }
    }

    /// <summary>Removes the live bar (before the summary is printed).</summary>
    public void Dispose() => live?.Dispose();

    private void Write(string line)
    {
        if (live is not null)
        {
            live.Line(line);
        }
        else
        {
            error.WriteLine(line);
        }
    }

    private static string Describe(SimulateRun run) =>
        $"[{run.Point.Label}] {run.Policy} {run.EvictionName} replication {run.Replication + 1}";
}
