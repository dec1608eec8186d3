namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// The models devices ask for. Popularity is Zipf: the model of rank k (1-based, in list order, replicas after the
/// originals) is asked for with probability ∝ 1/k^s. <see cref="Replicas"/> repeats the list under new names
/// (<c>name#2</c>, …) to reach realistic catalog sizes with the measured networks.
/// </summary>
public sealed record CellCatalog
{
    /// <summary>The models with their variants. Default: one MobileNet-like model (the planner's example numbers).</summary>
    public IReadOnlyList<CellCatalogModel> Models { get; init; } = [new CellCatalogModel()];

    /// <summary>Zipf exponent s ≥ 0 (0: uniform). Default 0.8.</summary>
    public double ZipfExponent { get; init; } = 0.8;

    /// <summary>How many times the list appears (1: as given). Default 1.</summary>
    public int Replicas { get; init; } = 1;

    internal void AddProblems(List<string> problems, string path)
    {
        if (Models.Count == 0)
        {
            problems.Add($"{path}models must list at least one model");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Models.Count; i++)
        {
            Models[i].AddProblems(problems, $"{path}models[{i}].");
            if (!names.Add(Models[i].Name))
            {
                problems.Add($"{path}models[{i}].name = '{Models[i].Name}' is used twice");
            }
        }

        if (!(ZipfExponent >= 0) || !double.IsFinite(ZipfExponent))
        {
            problems.Add($"{path}zipfExponent = {ZipfExponent} must be finite and ≥ 0");
        }

        if (Replicas is < 1 or > 100_000)
        {
            problems.Add($"{path}replicas = {Replicas} must be between 1 and 100000");
        }
    }
}
