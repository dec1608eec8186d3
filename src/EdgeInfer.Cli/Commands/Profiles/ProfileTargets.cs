using EdgeInfer.Core;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Runtime.Profiles;
using PruningFile = EdgeInfer.Pruning.IO.OnnxModelFile;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>
/// Turns <c>--models</c> into files to measure: a catalog name is taken from the model repository, built into it first
/// when missing; a path to an <c>.onnx</c> file is measured as it is (named after the file). With a pruning factor,
/// each catalog model's pruned variant is taken from (or pruned into) the repository too.
/// </summary>
internal static class ProfileTargets
{
    public static IReadOnlyList<ProfileTarget> Resolve(IReadOnlyList<string> models, ModelRepository repository, double? pruningFactor, string method, Action<string> log)
    {
        var targets = new List<ProfileTarget>();
        foreach (var item in models)
        {
            if (item.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || item.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                if (!File.Exists(item))
                {
                    throw new EdgeInferInputException($"Model file '{item}' does not exist.");
                }

                if (pruningFactor is not null)
                {
                    throw new EdgeInferInputException($"--pf applies to catalog models only; '{item}' is a file (prune it with 'edgeinfer prune' and profile the result).");
                }

                targets.Add(new ProfileTarget(Path.GetFileNameWithoutExtension(item), ModelProfile.FullVariant, Path.GetFullPath(item)));
                continue;
            }

            var full = EnsureFull(repository, item, log);
            targets.Add(new ProfileTarget(full.Name, ModelProfile.FullVariant, full.ModelPath) { Trained = full.Metadata.Trained });
            if (pruningFactor is { } pf)
            {
                var pruned = EnsurePruned(repository, full, method, pf, log);
                targets.Add(new ProfileTarget(full.Name, pruned.Variant, pruned.ModelPath)
                {
                    PruningFactor = pf,
                    PruningMethod = method,
                    Trained = pruned.Metadata.Trained,
                    PrunedFromPath = full.ModelPath,
                });
            }
        }

        return targets;
    }

    /// <summary>The full variant of a catalog model; built into the repository (seed <see cref="ModelCatalog.DefaultSeed"/>, untrained) when missing.</summary>
    public static ModelEntry EnsureFull(ModelRepository repository, string name, Action<string> log)
    {
        var catalog = ModelCatalog.Find(name);
        if (repository.TryGet(catalog.Name) is { } existing)
        {
            return existing;
        }

        log($"building {catalog.Name} into {repository.Root} (untrained, seed {ModelCatalog.DefaultSeed}) ...");
        return repository.Add(catalog.Build(ModelCatalog.DefaultSeed), new ModelAddRequest
        {
            Name = catalog.Name,
            Trained = false,
            Source = "catalog:" + catalog.Name,
            Architecture = catalog.Name,
            Seed = ModelCatalog.DefaultSeed,
        });
    }

    private static ModelEntry EnsurePruned(ModelRepository repository, ModelEntry full, string method, double pruningFactor, Action<string> log)
    {
        var variant = ModelProfile.PrunedVariant(method, pruningFactor);
        if (repository.TryGet(full.Name, variant) is { } existing)
        {
            return existing;
        }

        log($"pruning {full.Name} ({method}, pf {pruningFactor}) into variant {variant} ...");
        var model = PruningFile.Load(full.ModelPath);
        ProfilePruning.PruneInPlace(model, method, pruningFactor);
        return repository.Add(model, new ModelAddRequest
        {
            Name = full.Name,
            Variant = variant,
            Trained = full.Metadata.Trained,
            Source = $"{full.Name}/{full.Variant}",
            Architecture = full.Metadata.Architecture,
            PruningFactor = pruningFactor,
            PruningMethod = method,
        });
    }
}
