using EdgeInfer.Core;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// Merges complete profiles, e.g. a device profile measured on a phone with an edge profile measured on a server.
/// Rules (no silent precedence): a role present in only one input is taken as it is; a role present in several
/// inputs is merged only when every input measured it on the same machine with the same settings, and then each
/// model variant may appear once; anything else is an <see cref="EdgeInferInputException"/> naming both inputs.
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

            if (merged.Machine != part.Machine)
            {
                throw new EdgeInferInputException(
                    $"Both '{firstName}' and '{name}' have a {role} profile, measured on different machines ({merged.Machine.CpuModel} vs {part.Machine.CpuModel}); merge at most one {role} profile per machine.");
            }

            if (!SameSettings(merged.Settings, part.Settings))
            {
                throw new EdgeInferInputException(
                    $"Both '{firstName}' and '{name}' have a {role} profile of the same machine but with different settings (samples, warm-up, threads, loads or load model); measure them with the same settings to merge.");
            }

            var models = merged.Models.ToList();
            foreach (var model in part.Models)
            {
                if (merged.Find(model.Model, model.Variant) is not null)
                {
                    throw new EdgeInferInputException(
                        $"The {role} profile of model '{model.Model}' variant '{model.Variant}' appears in both '{firstName}' and '{name}'; keep it in one input only.");
                }

                models.Add(model);
            }

            merged = merged with
            {
                Models = models,
                MeasuredAtUtc = merged.MeasuredAtUtc > part.MeasuredAtUtc ? merged.MeasuredAtUtc : part.MeasuredAtUtc,
            };
            firstName = $"{firstName}+{name}";
        }

        return merged;
    }

    private static bool SameSettings(ProfileSettings a, ProfileSettings b) =>
        a.Samples == b.Samples && a.WarmupRuns == b.WarmupRuns && a.IntraOpThreads == b.IntraOpThreads
        && a.AllowSpinning == b.AllowSpinning && a.Loads.SequenceEqual(b.Loads) && a.LoadModel == b.LoadModel
        && a.PruneSamples == b.PruneSamples;
}
