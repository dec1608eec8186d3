using EdgeInfer.Core;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;

using PlannedModel = EdgeInfer.Core.Planning.ModelProfile;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// What the planner needs from a profile for one model and one pruned variant: device times (medians at the device
/// role), model sizes (edge files), and edge inference and pruning times as <see cref="LoadCurve"/>s over the load.
/// <see cref="Apply"/> fills a <see cref="PlanningScenario"/> for a given load. Accuracy is not measured by profiles
/// (built models are untrained): top-1/top-5 come from the base scenario only. Pure: no I/O.
/// </summary>
public sealed class ProfilePlanInputs
{
    private ProfilePlanInputs(string model, ProfiledModel deviceFull, ProfiledModel devicePruned, ProfiledModel edgeFull, ProfiledModel edgePruned)
    {
        Model = model;
        PrunedVariant = edgePruned.Variant;
        PruningFactor = edgePruned.PruningFactor ?? devicePruned.PruningFactor ?? 0;
        FullSize = new Bytes(edgeFull.SizeBytes);
        PrunedSize = new Bytes(edgePruned.SizeBytes);
        DeviceFull = new Seconds(Median(deviceFull, 0));
        DevicePruned = new Seconds(Median(devicePruned, 0));
        EdgeFullCurve = new LoadCurve($"edge inference of {model}/full", edgeFull.Measurements.Select(m => (m.Load, m.Inference.MedianSeconds)));
        EdgePrunedCurve = new LoadCurve($"edge inference of {model}/{PrunedVariant}", edgePruned.Measurements.Select(m => (m.Load, m.Inference.MedianSeconds)));
        if (Same(PrunedVariant, ProfiledModel.FullVariant))
        {
            // pf 0: the "pruned" variant is the full model, which nobody prunes (no pruning time).
            PruneCurve = null;
            return;
        }

        if (edgePruned.Measurements.Any(m => m.PruneSeconds is null))
        {
            throw new EdgeInferInputException(
                $"The profile has no pruneSeconds for {model}/{PrunedVariant} at every edge load; profile it with its pruningFactor and pruneSamples ≥ 1.");
        }

        PruneCurve = new LoadCurve($"pruning time of {model}/{PrunedVariant}", edgePruned.Measurements.Select(m => (m.Load, m.PruneSeconds!.MedianSeconds)));
    }

    /// <summary>Model name as in the profile.</summary>
    public string Model { get; }

    /// <summary>The pruned variant used.</summary>
    public string PrunedVariant { get; }

    /// <summary>Its pruning factor (0 when the profile does not say).</summary>
    public double PruningFactor { get; }

    /// <summary>Full model file size (the edge's file).</summary>
    public Bytes FullSize { get; }

    /// <summary>Pruned model file size (the edge's file).</summary>
    public Bytes PrunedSize { get; }

    /// <summary>Device inference time of the full model (median).</summary>
    public Seconds DeviceFull { get; }

    /// <summary>Device inference time of the pruned variant (median).</summary>
    public Seconds DevicePruned { get; }

    /// <summary>Edge inference time of the full model over the load.</summary>
    public LoadCurve EdgeFullCurve { get; }

    /// <summary>Edge inference time of the pruned variant over the load.</summary>
    public LoadCurve EdgePrunedCurve { get; }

    /// <summary>Edge pruning time (full → variant) over the load; null when the variant is the full model (pf 0: nothing is pruned).</summary>
    public LoadCurve? PruneCurve { get; }

    /// <summary>
    /// Selects <paramref name="model"/> and its pruned variant from a complete profile with both roles.
    /// <paramref name="prunedVariant"/> null picks the model's only pruned variant present in both roles;
    /// <see cref="ProfiledModel.FullVariant"/> (pf 0) plans the full model as its own "pruned" variant, with no pruning time.
    /// </summary>
    /// <exception cref="EdgeInferInputException">A role, the model or the variant is missing (the message lists what the profile has).</exception>
    public static ProfilePlanInputs From(ProfileDocument profile, string model, string? prunedVariant)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Complete)
        {
            throw new EdgeInferInputException("The profile is incomplete (\"complete\": false); measure it again.");
        }

        var device = profile.Device ?? throw new EdgeInferInputException(
            "The profile has no device role; measure one and merge it into this profile.");
        var edge = profile.Edge ?? throw new EdgeInferInputException("The profile has no edge role; measure one and merge it into this profile.");
        if (prunedVariant is null)
        {
            var candidates = edge.Models
                .Where(m => Same(m.Model, model) && !Same(m.Variant, ProfiledModel.FullVariant) && device.Find(model, m.Variant) is not null)
                .Select(m => m.Variant).ToList();
            prunedVariant = candidates.Count == 1
                ? candidates[0]
                : throw new EdgeInferInputException(candidates.Count == 0
                    ? $"The profile has no pruned variant of '{model}' in both roles; it has: {Describe(profile)}."
                    : $"The profile has several pruned variants of '{model}' ({string.Join(", ", candidates)}); choose one by its pruningFactor and method.");
        }

        ProfiledModel Need(RoleProfile role, string roleName, string variant) =>
            role.Find(model, variant) ?? throw new EdgeInferInputException(
                $"The profile's {roleName} role has no '{model}' variant '{variant}'; it has: {Describe(profile)}.");

        return new ProfilePlanInputs(
            model,
            Need(device, "device", ProfiledModel.FullVariant),
            Need(device, "device", prunedVariant),
            Need(edge, "edge", ProfiledModel.FullVariant),
            Need(edge, "edge", prunedVariant));
    }

    /// <summary>The edge times at <paramref name="load"/>; beyond the measured loads only with <paramref name="extrapolate"/>.</summary>
    public ProfileEstimates At(double load, bool extrapolate) =>
        new(EdgeFullCurve.At(load, extrapolate), EdgePrunedCurve.At(load, extrapolate), PruneCurve?.At(load, extrapolate) ?? NoPruning(load));

    private static EdgeTimeEstimate NoPruning(double load) => new(load, 0, LoadEstimateKind.Measured, null);

    /// <summary>
    /// <paramref name="baseScenario"/> with the model (name, sizes, device and edge times, pruning time and factor) and
    /// the edge load taken from the profile at <paramref name="load"/>. Accuracy values of the base scenario are kept.
    /// </summary>
    public PlanningScenario Apply(PlanningScenario baseScenario, double load, bool extrapolate, out ProfileEstimates estimates)
    {
        ArgumentNullException.ThrowIfNull(baseScenario);
        estimates = At(load, extrapolate);
        var baseModel = baseScenario.Model;
        var model = new PlannedModel
        {
            Name = Model,
            Full = new ModelVariantCosts
            {
                Size = FullSize,
                DeviceInference = DeviceFull,
                EdgeInference = new Seconds(estimates.EdgeFull.Seconds),
                Top1 = baseModel.Full.Top1,
                Top5 = baseModel.Full.Top5,
            },
            Pruned = new ModelVariantCosts
            {
                Size = PrunedSize,
                DeviceInference = DevicePruned,
                EdgeInference = new Seconds(estimates.EdgePruned.Seconds),
                Prune = new Seconds(estimates.Prune.Seconds),
                PruningFactor = PruningFactor,
                Variant = PrunedVariant,
                Top1 = baseModel.Pruned.Top1,
                Top5 = baseModel.Pruned.Top5,
            },
        };
        return baseScenario with { Model = model, Edge = baseScenario.Edge with { Load = load } };
    }

    private static double Median(ProfiledModel entry, int load) =>
        (entry.Measurements.FirstOrDefault(m => m.Load == load) ?? entry.Measurements.OrderBy(m => m.Load).First()).Inference.MedianSeconds;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Describe(ProfileDocument profile)
    {
        static IEnumerable<string> Entries(string role, RoleProfile? r) => r?.Models.Select(m => $"{role} {m.Model}/{m.Variant}") ?? [];
        var all = Entries("device", profile.Device).Concat(Entries("edge", profile.Edge)).ToList();
        return all.Count == 0 ? "nothing" : string.Join(", ", all);
    }
}
