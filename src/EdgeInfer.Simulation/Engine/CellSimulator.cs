using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// The cell simulator: a discrete-event simulation on a virtual clock of a scenario's devices, shared radio, edges and
/// stores under one placement policy and one eviction policy. Pure: no wall clock, no I/O; the same scenario, policy,
/// eviction and seed give the same result bit for bit. Compile a scenario once, run it as often as needed (runs are
/// independent; one instance may run on several threads at once).
/// </summary>
public sealed class CellSimulator
{
    private readonly CompiledScenario compiled;

    /// <summary>Validates and compiles <paramref name="scenario"/>.</summary>
    /// <exception cref="Core.EdgeInferInputException">Listing every problem of the scenario.</exception>
    public CellSimulator(CellScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        compiled = new CompiledScenario(scenario);
    }

    /// <summary>The validated scenario.</summary>
    public CellScenario Scenario => compiled.Scenario;

    /// <summary>Models in the catalog after replicas (rank order), for naming a trace's model indices.</summary>
    public IReadOnlyList<string> ModelNames => compiled.ModelNames;

    /// <summary>The variant names of model <paramref name="model"/> (index 0: the full model).</summary>
    public IReadOnlyList<string> VariantNames(int model) =>
        compiled.VariantNames.AsSpan(compiled.ModelFirst[model], compiled.ModelVariantCount[model]).ToArray();

    /// <summary>Runs the scenario once.</summary>
    /// <param name="policy">Where requests run.</param>
    /// <param name="eviction">What the edge stores drop.</param>
    /// <param name="seed">Seeds positions, models, arrivals and LOS states (three independent streams).</param>
    /// <param name="sink">Receives every counted request, or null.</param>
    /// <param name="progress">Called now and then with the share of simulated time done (0…1), or null.</param>
    public SimulationResult Run(IPlacementPolicy policy, EvictionKind eviction, ulong seed, IRequestSink? sink = null, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SimulationRun(compiled, policy, eviction, seed, sink, progress).Run();
    }
}
