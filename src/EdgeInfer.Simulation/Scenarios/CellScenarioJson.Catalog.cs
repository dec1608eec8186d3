using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Profiles;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// The <c>catalog</c> section: models given by their numbers, or by a measured profile
/// (<c>"profile": {"path": …, "model": …}</c>, each variant then only a name and its Top-1) read by <see cref="ProfileVariants"/>.
/// </summary>
public static partial class CellScenarioJson
{
    private static CellCatalog ReadCatalog(JsonSection catalog, CellCatalog d, ScenarioFileReferences files) => d with
    {
        Models = Objects(catalog, "models", (s, _) => ReadModel(s, files)) ?? d.Models,
        ZipfExponent = catalog.Number("zipfExponent") ?? d.ZipfExponent,
        Replicas = catalog.Int32("replicas") ?? d.Replicas,
    };

    private static CellCatalogModel ReadModel(JsonSection model, ScenarioFileReferences files)
    {
        var name = model.String("name") ?? new CellCatalogModel().Name;
        var reference = model.Section("profile");
        ProfileDocument? profile = null;
        var profiled = name;
        if (reference is not null)
        {
            var path = reference.String("path");
            profiled = reference.String("model") ?? name;
            Require(reference, "path", "the profile file, relative to the scenario file");
            profile = path is null ? null : files.Profile(reference, "path", path);
            reference.Finish();
        }

        Require(model, "variants", reference is null
            ? "each listed model gives its variants, the full model first"
            : "with a profile: the name and top1 of each variant to read from it, the full model first");
        var variants = reference is null
            ? Objects(model, "variants", (s, _) => ReadVariant(s))
            : Objects(model, "variants", (s, _) => ReadProfiledVariant(s, profile, profiled));
        return new CellCatalogModel { Name = name, Variants = variants ?? [] };
    }

    /// <summary>A variant given by its numbers; null (skipped) when a required one is missing.</summary>
    private static SimulatedVariant? ReadVariant(JsonSection variant)
    {
        const string Why = "a variant without a profile gives name, sizeBytes, deviceInferenceSeconds and edgeInferenceSeconds";
        var name = variant.String("name");
        var size = Size(variant, "sizeBytes");
        var device = variant.Quantity("deviceInferenceSeconds", v => new Seconds(v));
        var edge = variant.Quantity("edgeInferenceSeconds", v => new Seconds(v));
        var prune = variant.Quantity("pruneSeconds", v => new Seconds(v));
        var top1 = variant.Number("top1");
        var complete = Require(variant, "name", Why) & Require(variant, "sizeBytes", Why)
            & Require(variant, "deviceInferenceSeconds", Why) & Require(variant, "edgeInferenceSeconds", Why);
        if (!complete || name is null || size is null || device is null || edge is null)
        {
            return null;
        }

        return new SimulatedVariant
        {
            Name = name,
            Size = size.Value,
            DeviceInference = device.Value,
            EdgeInference = edge.Value,
            Prune = prune ?? Seconds.Zero,
            Top1 = top1,
        };
    }

    /// <summary>A variant read from <paramref name="profile"/> (null: the profile did not read, already reported).</summary>
    private static SimulatedVariant? ReadProfiledVariant(JsonSection variant, ProfileDocument? profile, string model)
    {
        var name = variant.String("name");
        var top1 = variant.Number("top1");
        Require(variant, "name", "the variant's name in the profile, e.g. full or channel-ls-0.70");
        if (name is null || profile is null)
        {
            return null;
        }

        try
        {
            return ProfileVariants.Variant(profile, model, name, top1);
        }
        catch (Exception ex) when (ex is EdgeInferInputException or ArgumentException)
        {
            // ArgumentException: a negative size or time in the profile, which is the user's file.
            variant.Problem("name", $"= \"{name}\" cannot be read from the profile: {ex.Message.TrimEnd('.')}");
            return null;
        }
    }
}
