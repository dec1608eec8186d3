using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using EdgeInfer.Models.Files;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// Runs independent simulations on every core (at most <see cref="Environment.ProcessorCount"/> at once). Each run
/// is deterministic in its point, policy, eviction and seed, and results come back in the runs' order, so the outputs do
/// not depend on scheduling. With a trace folder each run writes its requests to a Parquet file there, atomically.
/// </summary>
internal sealed class SimulateRunner(SimulateProgress progress, ulong seed, string? traceFolder)
{
    private readonly ConcurrentQueue<string> written = new();

    /// <summary>The trace files complete so far (for cleaning up after a failure).</summary>
    public IReadOnlyCollection<string> Written => written;

    /// <summary>The result of each run, in the order of <paramref name="runs"/>, and the trace files written (same order).</summary>
    /// <exception cref="OperationCanceledException">Cancelled; runs in flight stop at their next progress report.</exception>
    public (SimulationResult[] Results, string[] Traces) Run(IReadOnlyList<SimulateRun> runs, CancellationToken cancellationToken)
    {
        var results = new SimulationResult[runs.Count];
        var traces = new string[traceFolder is null ? 0 : runs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, runs.Count, options, i =>
            {
                var started = Stopwatch.GetTimestamp();
                if (traceFolder is null)
                {
                    results[i] = Simulate(runs[i], null, cancellationToken);
                }
                else
                {
                    traces[i] = Path.Combine(traceFolder, runs[i].TraceFileName);
                    results[i] = Traced(runs[i], traces[i], cancellationToken);
                }

                progress.Finished(runs[i], results[i], Stopwatch.GetElapsedTime(started).TotalSeconds, runs.Count);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // One message for the user: the first failure as it was thrown (an input error stays one).
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return (results, traces);
    }

    private SimulationResult Traced(SimulateRun run, string path, CancellationToken cancellationToken)
    {
        var simulator = run.Point.Simulator;
        var variants = Enumerable.Range(0, simulator.ModelNames.Count).Select(simulator.VariantNames).ToArray();
        SimulationResult? result = null;
        AtomicFile.Write(path, stream =>
        {
            using var sink = ParquetTraceSink.Create(stream, simulator.ModelNames, variants);
            result = Simulate(run, sink, cancellationToken);
            sink.Complete();
        });
        written.Enqueue(path);
        return result!;
    }

    private SimulationResult Simulate(SimulateRun run, IRequestSink? sink, CancellationToken cancellationToken)
    {
        var policy = PlacementPolicies.Create(run.Policy, run.Point.Scenario);
        var started = Stopwatch.GetTimestamp();
        return run.Point.Simulator.Run(policy, run.Eviction, seed + (ulong)run.Replication, sink, fraction =>
        {
            // Stops a cancelled run between events; the run's state is its own, so nothing is left half-updated.
            cancellationToken.ThrowIfCancellationRequested();
            progress.Percent(run, started, fraction);
        });
    }
}
