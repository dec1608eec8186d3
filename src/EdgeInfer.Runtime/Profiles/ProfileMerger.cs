using EdgeInfer.Core;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// Merges complete profiles, e.g. a device profile measured on a phone with an edge profile measured on a server.
/// Rules (no silent precedence): a role present in only one input is taken as it is; a role present in several
/// inputs is merged only when every input measured it on the same machine under the same conditions (threads,
/// spinning, load levels, load model), and then each model variant may appear once; the counts (samples, warm-up
/// runs, prune samples) may differ, and the merged settings keep the smallest of each as a lower bound (every
/// statistic carries its exact sample count). Anything else is an <see cref="EdgeInferInputException"/> naming both inputs.
/// </summary>
public static class ProfileMerger
{
    /// <summary>Merges <paramref name="inputs"/> (name for messages, profile) in order.</summary>
    public static ProfileDocument Merge(IReadOnlyList<(string Name, ProfileDocument Profile)> inputs)
    {
        if (inputs.Count < 2)
        {
            throw new EdgeInferInputException($"Profile merge needs at least two profiles, got {inputs.Count}.");
        }

        foreach (var (name, profile) in inputs)
        {
            if (!profile.Complete)
            {
                throw new EdgeInferInputException($"Profile '{name}' is incomplete (\"complete\": false) and cannot be merged.");
            }
        }

        var device = MergeRole("device", inputs.Select(i => (i.Name, i.Profile.Device)));
        var edge = MergeRole("edge", inputs.Select(i => (i.Name, i.Profile.Edge)));
        return new ProfileDocument { Complete = true, Device = device, Edge = edge };
    }

    private static RoleProfile? MergeRole(string role, IEnumerable<(string Name, RoleProfile? Role)> parts)
    {
        RoleProfile? merged = null;
        string? firstName = null;
        foreach (var (name, part) in parts)
        {
            if (part is null)
            {
                continue;
            }

            if (merged is null)
            {
                merged = part;
                firstName = name;
                continue;
            }

            merged = Combine(role, merged, firstName!, part, name);
            firstName = $"{firstName}+{name}";
        }

        return merged;
    }

    /// <summary>
    /// <paramref name="part"/>'s models added to <paramref name="merged"/>'s: same machine and conditions, no model twice;
    /// the smaller sample counts and the later measurement time are kept.
    /// </summary>
    private static RoleProfile Combine(string role, RoleProfile merged, string firstName, RoleProfile part, string name)
    {
        if (merged.Machine != part.Machine)
        {
            throw new EdgeInferInputException(
                $"Both '{firstName}' and '{name}' have a {role} profile, measured on different machines "
                + $"({merged.Machine.CpuModel} vs {part.Machine.CpuModel}); merge at most one {role} profile per machine.");
        }

        if (!SameConditions(merged.Settings, part.Settings))
        {
            throw new EdgeInferInputException(
                $"Both '{firstName}' and '{name}' have a {role} profile of the same machine but measured under different conditions "
                + "(threads, spinning, loads or load model); measure them alike to merge.");
        }

        var models = merged.Models.ToList();
        foreach (var model in part.Models)
        {
            if (merged.Find(model.Model, model.Variant) is not null)
            {
                throw new EdgeInferInputException(
                    $"The {role} profile of model '{model.Model}' variant '{model.Variant}' appears in both '{firstName}' and '{name}'; "
                    + "keep it in one input only.");
            }

            models.Add(model);
        }

        return merged with
        {
            Models = models,
            Settings = merged.Settings with
            {
                Samples = Math.Min(merged.Settings.Samples, part.Settings.Samples),
                WarmupRuns = Math.Min(merged.Settings.WarmupRuns, part.Settings.WarmupRuns),
                PruneSamples = Math.Min(merged.Settings.PruneSamples, part.Settings.PruneSamples),
            },
            MeasuredAtUtc = merged.MeasuredAtUtc > part.MeasuredAtUtc ? merged.MeasuredAtUtc : part.MeasuredAtUtc,
        };
    }

    private static bool SameConditions(ProfileSettings a, ProfileSettings b) =>
        a.IntraOpThreads == b.IntraOpThreads && a.AllowSpinning == b.AllowSpinning && a.Loads.SequenceEqual(b.Loads) && a.LoadModel == b.LoadModel;
}
