using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>One point of the sweeps: its settings, the scenario text they give, and the compiled simulator of it.</summary>
/// <param name="Index">Position in the sweeps' cartesian product (0 without sweeps).</param>
/// <param name="Settings">The swept keys and their values at this point, in sweep order.</param>
/// <param name="Json">The scenario file's text with the settings applied.</param>
/// <param name="Simulator">The validated, compiled scenario.</param>
internal sealed record SimulatePoint(int Index, IReadOnlyList<(string Key, string Value)> Settings, string Json, CellSimulator Simulator)
{
    /// <summary>The validated scenario.</summary>
    public CellScenario Scenario => Simulator.Scenario;

    /// <summary><c>key=value, …</c>, or "base" without sweeps.</summary>
    public string Label => Settings.Count == 0 ? "base" : string.Join(", ", Settings.Select(s => $"{s.Key}={s.Value}"));

    /// <summary>The value of sweep key <paramref name="key"/> at this point, or null when it is not swept.</summary>
    public string? Value(string key) => Settings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefault();
}
