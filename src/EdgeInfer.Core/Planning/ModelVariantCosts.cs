using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// Measured costs of one variant (full or pruned) of a model: what the planner needs, no more. Filled from a scenario
/// file (<see cref="Scenarios.ScenarioJson"/>), from a measured profile (<c>Runtime.Profiles.ProfilePlanInputs</c>), by
/// the study (<c>Study.Figures.ModelCostInputs</c>) or from the edge's live status and the device profile
/// (<c>Device.Planning.DevicePlanning</c>); the planner does not care which.
/// </summary>
public sealed record ModelVariantCosts
{
    /// <summary>Model size l_model (bytes on the wire), downloaded in T_model = l_model/D_dl (Eq. 4).</summary>
    public required Bytes Size { get; init; }

    /// <summary>Inference time on the device, T_inf,d (Eq. 5).</summary>
    public required Seconds DeviceInference { get; init; }

    /// <summary>Inference time at the edge under its current load, T_inf,e (Eq. 2).</summary>
    public required Seconds EdgeInference { get; init; }

    /// <summary>Time for the edge to prune the full model into this variant, T_pr; only on-demand strategies pay it. 0 for the full model.</summary>
    public Seconds Prune { get; init; } = Seconds.Zero;

    /// <summary>
    /// Beyond the paper (default 0): the device turning the downloaded file into a runnable one, e.g. decoding the wire
    /// format; paid once by device strategies using this variant.
    /// </summary>
    public Seconds DeviceDecode { get; init; } = Seconds.Zero;

    /// <summary>
    /// Beyond the paper (default 0): the device's session open, i.e. opening the model for inference (ORT session and its
    /// warm-up runs) before the first local result; paid once by device strategies using this variant.
    /// </summary>
    public Seconds DeviceSessionOpen { get; init; } = Seconds.Zero;

    /// <summary>Top-1 accuracy in [0, 1], or null when unknown (then any minTop1 constraint fails).</summary>
    public double? Top1 { get; init; }

    /// <summary>Top-5 accuracy in [0, 1], or null when unknown (then any minTop5 constraint fails).</summary>
    public double? Top5 { get; init; }

    /// <summary>
    /// The variant's name (e.g. <c>channel-0.30</c>), for the plan's reasons and explanation only; null: "the full model" or
    /// "the pruned model" says enough. Filled by whoever knows it (the device from its request, the study from its variant).
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>Pruning factor pf in [0, 1): share of weights removed. 0 for the full model.</summary>
    public double PruningFactor { get; init; }

    /// <summary>Every problem, each naming its field under <paramref name="path"/> (e.g. "model.pruned.").</summary>
    public void AddProblems(List<string> problems, string path)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Top1 is { } t1 && t1 is < 0 or > 1)
        {
            problems.Add($"{path}top1 = {t1} must be in [0, 1]");
        }

        if (Top5 is { } t5 && t5 is < 0 or > 1)
        {
            problems.Add($"{path}top5 = {t5} must be in [0, 1]");
        }

        if (PruningFactor is < 0 or >= 1 || double.IsNaN(PruningFactor))
        {
            problems.Add($"{path}pruningFactor = {PruningFactor} must be in [0, 1)");
        }
    }
}
