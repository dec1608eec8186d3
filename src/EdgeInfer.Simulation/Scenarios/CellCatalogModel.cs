using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>A model of the catalog: its full variant first, then the pruned (or quantized) variants the edge can serve.</summary>
public sealed record CellCatalogModel
{
    /// <summary>Name, unique in the catalog. Default "mobilenet".</summary>
    public string Name { get; init; } = "mobilenet";

    /// <summary>The variants; the first is the full model (pruning time 0). Default: the planner's example model.</summary>
    public IReadOnlyList<SimulatedVariant> Variants { get; init; } =
    [
        new SimulatedVariant { Name = "full", Size = new Bytes(16_900_000), DeviceInference = new(0.05), EdgeInference = new(0.40), Top1 = 0.70 },
        new SimulatedVariant
        {
            Name = "channel-0.70", Size = new Bytes(5_600_000), DeviceInference = new(0.03), EdgeInference = new(0.25), Prune = new(2.0), Top1 = 0.68,
        },
    ];

    internal void AddProblems(List<string> problems, string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add($"{path}name must not be empty");
        }

        if (Variants.Count == 0)
        {
            problems.Add($"{path}variants must list the full model first");
            return;
        }

        if (Variants.Count > 64)
        {
            problems.Add($"{path}variants has {Variants.Count} entries; at most 64");
        }

        for (var i = 0; i < Variants.Count; i++)
        {
            Variants[i].AddProblems(problems, $"{path}variants[{i}].", isFull: i == 0);
        }
    }
}
