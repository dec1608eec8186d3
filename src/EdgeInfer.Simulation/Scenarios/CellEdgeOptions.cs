using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// The edge server of each cell. Compute: with n jobs (inferences and on-demand prunes) in the server, a job whose
/// unloaded time is T0 progresses at 1/S(n − 1) of its work per second, where S(L) = T(L)/T(0) is the slowdown under L
/// background tasks: measured (<see cref="Slowdown"/>, a profile's curve, interpolated as <c>plan --profile</c> does and
/// extrapolated with its processor-sharing fit) or, without one, S(L) = max(1, (L + 1)/c) for c <see cref="Cores"/>.
/// With <see cref="EdgeDiscipline.Fcfs"/> the c cores serve one job each at full speed, the rest wait in order.
/// </summary>
public sealed record CellEdgeOptions
{
    /// <summary>How jobs share the cores. Default processor sharing.</summary>
    public EdgeDiscipline Discipline { get; init; } = EdgeDiscipline.ProcessorSharing;

    /// <summary>c: cores (FCFS servers, or the processor-sharing formula's c when no curve is given). Default 2.</summary>
    public int Cores { get; init; } = 2;

    /// <summary>
    /// A measured slowdown curve: (load L, S(L) = T(L)/T(0)) pairs with S(0) = 1, or empty (default) for the formula.
    /// The CLI fills it from a profile (<c>edge.slowdownProfile</c>).
    /// </summary>
    public IReadOnlyList<(int Load, double Factor)> Slowdown { get; init; } = [];

    /// <summary>
    /// Inference times at the edge: each exactly the variant's measured median scaled by the slowdown (default), or drawn
    /// exponentially around it (mean equal to it), e.g. to check the engine against M/M/c queueing formulas.
    /// </summary>
    public ServiceTimes ServiceTimes { get; init; } = ServiceTimes.Deterministic;

    /// <summary>Log-normal service times: their coefficient of variation (standard deviation / mean), &gt; 0. Default 0.3.</summary>
    public double ServiceVariation { get; init; } = 0.3;

    /// <summary>P_edge while the edge computes (inference and pruning). Default 131.26 W (paper).</summary>
    public Watts ComputePower { get; init; } = new(131.26);

    /// <summary>The store of pruned variants (full models are always in the repository).</summary>
    public StoreOptions Store { get; init; } = new();

    internal void AddProblems(List<string> problems, string path)
    {
        if (!Enum.IsDefined(Discipline))
        {
            problems.Add($"{path}discipline = {Discipline} is not one of processor-sharing, fcfs");
        }

        if (Cores is < 1 or > 4096)
        {
            problems.Add($"{path}cores = {Cores} must be between 1 and 4096");
        }

        if (Slowdown.Count > 0)
        {
            var distinct = Slowdown.Select(p => p.Load).Distinct().Count() == Slowdown.Count;
            if (Slowdown.Any(p => p.Load < 0 || !(p.Factor > 0) || !double.IsFinite(p.Factor)) || !distinct)
            {
                problems.Add($"{path}slowdown needs distinct loads ≥ 0 and finite positive factors");
            }
            else if (!Slowdown.Any(p => p.Load == 0))
            {
                problems.Add($"{path}slowdown must include load 0 (factor 1)");
            }

            if (Discipline == EdgeDiscipline.Fcfs)
            {
                problems.Add($"{path}slowdown applies to processor sharing only; FCFS runs each job at full speed on one of the cores");
            }
        }

        if (!Enum.IsDefined(ServiceTimes))
        {
            problems.Add($"{path}serviceTimes = {ServiceTimes} is not one of deterministic, exponential, log-normal");
        }

        if (!(ServiceVariation > 0) || !double.IsFinite(ServiceVariation))
        {
            problems.Add($"{path}serviceVariation = {ServiceVariation} must be positive and finite");
        }

        Store.AddProblems(problems, $"{path}store.");
    }
}
