using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;
using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// Everything <c>simulate</c> runs, read and checked before any output exists: the scenario file, the sweeps, every
/// point's scenario parsed and compiled (a value the parser rejects fails here, naming the field and the point), and the
/// runs in their fixed order (point, placement policy, eviction policy, replication).
/// </summary>
internal sealed record SimulateInputs(string ScenarioPath, string ScenarioText, IReadOnlyList<ScenarioSweep> Sweeps, IReadOnlyList<SimulatePoint> Points)
{
    /// <summary>The swept keys, in sweep order.</summary>
    public IReadOnlyList<string> SweepKeys => [.. Sweeps.Select(s => s.Key)];

    /// <summary>Reads the scenario at <paramref name="scenarioPath"/> and builds every sweep point.</summary>
    /// <exception cref="EdgeInferInputException">A missing file, a bad sweep or a scenario the parser rejects (naming the point).</exception>
    public static SimulateInputs Load(string scenarioPath, IReadOnlyList<string> sweepSpecs)
    {
        var full = Path.GetFullPath(scenarioPath);
        if (!File.Exists(full))
        {
            throw new EdgeInferInputException($"--scenario '{scenarioPath}' does not exist.");
        }

        var text = File.ReadAllText(full);
        var sweeps = FlagProblems.Naming(() => sweepSpecs.Select(ScenarioSweep.Parse).ToList(), ("sweep", "--sweep"));
        var settings = FlagProblems.Naming(() => ScenarioSweep.Points(sweeps), ("sweep", "--sweep"));
        var files = new ScenarioFolderFiles(Path.GetDirectoryName(full)!);
        var points = settings.Select((s, i) => Point(Path.GetFileName(full), text, files, i, s)).ToList();
        return new SimulateInputs(full, text, sweeps, points);
    }

    /// <summary>Every run, in output order: point, then placement policy, then eviction policy, then replication.</summary>
    /// <param name="policies">Placement policies from <c>--policies</c>, or null for each point's own list.</param>
    /// <param name="replications">K ≥ 1.</param>
    public IReadOnlyList<SimulateRun> Runs(IReadOnlyList<string>? policies, int replications) =>
        [.. from point in Points
            from policy in Policies(point, policies)
            from eviction in point.Scenario.Evictions
            from replication in Enumerable.Range(0, replications)
            select new SimulateRun(point, policy, eviction, replication)];

    /// <summary>The placement policies of <paramref name="point"/>, each checked to exist.</summary>
    public static IReadOnlyList<string> Policies(SimulatePoint point, IReadOnlyList<string>? policies)
    {
        var names = policies ?? point.Scenario.Policies;
        foreach (var name in names)
        {
            _ = PlacementPolicies.Create(name, point.Scenario);
        }

        return names;
    }

    private static SimulatePoint Point(string fileName, string text, ScenarioFolderFiles files, int index, IReadOnlyList<(string Key, string Value)> settings)
    {
        var where = settings.Count == 0 ? fileName : $"{fileName} with --sweep {string.Join(" ", settings.Select(s => $"{s.Key}={s.Value}"))}";
        try
        {
            var json = ScenarioSweep.Apply(text, settings);
            var simulator = new CellSimulator(CellScenarioJson.Parse(json, files));
            return new SimulatePoint(index, settings, json, simulator);
        }
        catch (EdgeInferInputException ex)
        {
            throw new EdgeInferInputException($"{where}: {ex.Message}", ex);
        }
    }
}
