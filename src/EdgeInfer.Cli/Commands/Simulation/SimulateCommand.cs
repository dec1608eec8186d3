using System.CommandLine;
using System.Diagnostics;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Files;
using EdgeInfer.Simulation.Policies;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// <c>edgeinfer simulate --scenario cell.json [-o DIR] [--seed S] [--replications K] [--sweep key=a:b:step]…
/// [--policies a,b] [--trace] [--json]</c>: the cell-scale discrete-event simulation of a scenario file for every sweep
/// point × eviction policy × placement policy × replication (seeds S, S + 1, …, the same for every policy: common random
/// numbers), on every core. Writes <c>summary.csv</c>, the figures (PNG, SVG, CSV), optional Parquet traces and
/// <c>run.json</c>; progress on stderr, the summary on stdout. Everything is checked before the output folder exists,
/// and a run that fails leaves no output behind.
/// </summary>
internal sealed class SimulateCommand
{
    private const int MaxReplications = 10_000;

    private readonly Option<string> scenario = new("--scenario")
    {
        Description = "Cell scenario JSON file; relative paths in it (profiles, traces) are read from its folder.",
        Required = true,
    };

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Folder for summary.csv, run.json, the figures and traces (default: results/simulate-<UTC time>).",
    };

    private readonly Option<ulong> seed = new("--seed")
    {
        Description = "Seed of the first replication; replication r uses seed + r (the same seeds for every policy).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<int> replications = new("--replications")
    {
        Description = "Independent replications K of every configuration; K > 1 adds 95 % confidence half-widths (<metric>_ci95).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string[]> sweeps = new("--sweep")
    {
        Description = "Sweep a scenario field, repeatable (cartesian product): key=a:b:step (linear), key=a:b:xF (geometric), "
            + "key=v1,v2,...; key is a dotted JSON path such as devices.count or applications[0].arrivals.ratePerSecond.",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> policies = new("--policies")
    {
        Description = $"Comma-separated placement policies instead of the scenario's: {string.Join(", ", PlacementPolicies.Names)}.",
    };

    private readonly Option<bool> trace = new("--trace")
    {
        Description = "Write every request of every run to trace-<policy>-<eviction>-<point>-<replication>.parquet.",
    };

    private readonly Option<bool> json = CommonOptions.Json();

    public static Command Create() => new SimulateCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "simulate",
            "Cell-scale discrete-event simulation: many devices, shared radio, edge servers with a bounded store; placement and eviction "
                + "policies compared with replications and sweeps; summary.csv, figures, run.json, optional Parquet traces.");
        foreach (var option in new Option[] { scenario, output, seed, replications, sweeps, policies, trace, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => Task.FromResult(Run(parse, ct)));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.GetTimestamp();
        var k = parse.GetValue(replications);
        if (k is < 1 or > MaxReplications)
        {
            throw new UsageException($"--replications {k} must be between 1 and {MaxReplications}.");
        }

        var first = parse.GetValue(seed);
        if (first > ulong.MaxValue - (ulong)(k - 1))
        {
            throw new UsageException($"--seed {first} leaves no room for {k} replications (seeds seed … seed + {k - 1}).");
        }

        var inputs = SimulateInputs.Load(parse.GetValue(scenario)!, parse.GetValue(sweeps) ?? []);
        var runs = inputs.Runs(Policies(parse.GetValue(policies)), k);
        using var progress = new SimulateProgress(parse.InvocationConfiguration.Error);
        var folder = SimulateOutput.Open(parse.GetValue(output), started);
        var runner = new SimulateRunner(progress, first, parse.GetValue(trace) ? folder.Folder : null);
        var written = new List<string>();
        try
        {
            progress.Line($"simulating {runs.Count} run(s) of {inputs.Points.Count} point(s) on {Environment.ProcessorCount} core(s) into {folder.Folder}");
            var (results, traces) = runner.Run(runs, cancellationToken);
            progress.Dispose();
            written.AddRange(traces);
            var rows = SimulateRow.Of(runs, results);
            var summary = Path.Combine(folder.Folder, "summary.csv");
            AtomicFile.WriteAllText(summary, SimulateSummary.Csv(rows, inputs.SweepKeys, k));
            written.Add(summary);
            SimulateFigures.Write(rows, inputs, folder.Folder, written);
            var totals = (results.Sum(r => r.Requests), results.Sum(r => r.Events), results.Sum(r => r.SimulatedSeconds));
            var facts = new SimulateRunJson.Facts(
                first, k, parse.GetValue(trace), started, Stopwatch.GetElapsedTime(clock).TotalSeconds, runs, totals,
                [.. written.Select(f => Path.GetRelativePath(folder.Folder, f))]);
            written.Add(SimulateRunJson.Write(folder.Folder, inputs, facts));
            new SimulateView(rows, inputs, k, folder.Folder, written).Write(parse.InvocationConfiguration.Output, parse.GetValue(json));
            return CliApp.Success;
        }
        catch
        {
            folder.Discard(written.Concat(runner.Written));
            throw;
        }
    }

    /// <summary>The <c>--policies</c> list, each a known placement policy, or null for the scenario's own.</summary>
    private static List<string>? Policies(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.FirstOrDefault(n => !PlacementPolicies.Names.Contains(n));
        return unknown is null
            ? names
            : throw new UsageException($"--policies '{unknown}' is not a placement policy; known: {string.Join(", ", PlacementPolicies.Names)}.");
    }
}
