using EdgeInfer.Core;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// A cell-scale simulation: base stations, devices, applications, the model catalog, the edge and its store, the policies
/// to compare and how long to run. Mirrors the scenario file (<c>CellScenarioJson</c>) section by section; every
/// property has a documented default (<c>docs/simulation.md</c>). Validate once with <see cref="Validated"/>.
/// </summary>
public sealed record CellScenario
{
    /// <summary>Base stations, each with an edge server. Default: one at the origin.</summary>
    public IReadOnlyList<CellSite> Cells { get; init; } = [new CellSite()];

    /// <summary>
    /// The radio link of every cell (TR 38.901 UMi, Shannon rates; the distance comes from each device). Condition
    /// <see cref="ChannelCondition.Expected"/> (default) draws each device's LOS state with the TR 38.901 probability.
    /// </summary>
    public RadioOptions Radio { get; init; } = RadioOptions.Default with { Condition = ChannelCondition.Expected };

    /// <summary>How a cell's uplink and downlink are shared among simultaneous transfers. Default proportional fair.</summary>
    public RadioSharing Sharing { get; init; } = RadioSharing.ProportionalFair;

    /// <summary>Where the devices are and how they move.</summary>
    public DeviceLayout Devices { get; init; } = new();

    /// <summary>Device power draws (Sec. 4.1); the battery is per application class.</summary>
    public DeviceProfile DevicePower { get; init; } = new();

    /// <summary>Message sizes: input 300 kB, result 2 kB, model request 1 kB (1 kB = 1000 B).</summary>
    public MessageSizes Messages { get; init; } = new();

    /// <summary>
    /// Measured protocol terms beyond the paper (Core's <see cref="ProtocolOverheads"/>, 0 by default): the request overhead
    /// is added to every offloaded request, the download overhead to every model download, as pure delays (no radio, no
    /// edge compute), exactly as the planner adds them. The edge's session open is not simulated and must stay 0.
    /// </summary>
    public ProtocolOverheads Overheads { get; init; } = new();

    /// <summary>Application classes; their shares of the devices sum to 1.</summary>
    public IReadOnlyList<ApplicationClass> Applications { get; init; } = [new ApplicationClass()];

    /// <summary>The models devices ask for and their variants, with Zipf popularity.</summary>
    public CellCatalog Catalog { get; init; } = new();

    /// <summary>The edge server of each cell: compute and model store.</summary>
    public CellEdgeOptions Edge { get; init; } = new();

    /// <summary>Placement policies to compare, by name (see <c>Policies.PlacementPolicies</c>). Default: always-edge, always-device, paper, joint.</summary>
    public IReadOnlyList<string> Policies { get; init; } = ["always-edge", "always-device", "paper", "joint"];

    /// <summary>Eviction policies of the edge store to run each placement policy with. Default LRU only.</summary>
    public IReadOnlyList<EvictionKind> Evictions { get; init; } = [EvictionKind.Lru];

    /// <summary>What per-request decisions minimise (paper rule and joint policy). Default latency.</summary>
    public Objective Objective { get; init; } = Objective.Latency;

    /// <summary>The static threshold policy offloads while the edge has fewer jobs than this. Default 8.</summary>
    public int ThresholdJobs { get; init; } = 8;

    /// <summary>Simulated time after the warm-up. Default 600 s.</summary>
    public Seconds Duration { get; init; } = new(600);

    /// <summary>Simulated time before statistics start (requests arriving earlier are not counted). Default 60 s.</summary>
    public Seconds Warmup { get; init; } = new(60);

    /// <summary>Every problem, each naming its JSON path.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Radio.Problems("radio."));
        if (Cells.Count == 0)
        {
            problems.Add("cells must list at least one base station");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Cells.Count; i++)
        {
            Cells[i].AddProblems(problems, $"cells[{i}].");
            if (!names.Add(Cells[i].Name))
            {
                problems.Add($"cells[{i}].name = '{Cells[i].Name}' is used twice");
            }
        }

        if (!Enum.IsDefined(Sharing))
        {
            problems.Add($"sharing = {Sharing} is not one of proportional-fair, equal-rate");
        }

        Devices.AddProblems(problems, "devices.");
        if (Overheads.EdgeSessionOpen.Value != 0)
        {
            problems.Add($"overheads.edgeSessionOpenSeconds = {Overheads.EdgeSessionOpen.Value}: the simulator does not model it; leave it 0");
        }

        Messages.AddProblems(problems, "messages.");
        AddApplicationProblems(problems);
        Catalog.AddProblems(problems, "catalog.");
        Edge.AddProblems(problems, "edge.");
        if (Policies.Count == 0)
        {
            problems.Add("policies must name at least one placement policy");
        }

        if (Evictions.Count == 0)
        {
            problems.Add("evictions must name at least one eviction policy");
        }

        if (ThresholdJobs < 1)
        {
            problems.Add($"thresholdJobs = {ThresholdJobs} must be ≥ 1");
        }

        if (Duration.Value <= 0)
        {
            problems.Add($"durationSeconds = {Duration.Value} must be positive");
        }

        return problems;
    }

    /// <summary>This scenario, or an <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public CellScenario Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid cell scenario: " + string.Join("; ", problems) + ".");
    }

    private void AddApplicationProblems(List<string> problems)
    {
        if (Applications.Count == 0)
        {
            problems.Add("applications must list at least one class");
            return;
        }

        var share = 0.0;
        for (var i = 0; i < Applications.Count; i++)
        {
            Applications[i].AddProblems(problems, $"applications[{i}].", Devices.Count);
            share += Applications[i].Share;
        }

        if (Math.Abs(share - 1.0) > 1e-9)
        {
            problems.Add($"applications[*].share sum to {share}, must sum to 1");
        }
    }
}
