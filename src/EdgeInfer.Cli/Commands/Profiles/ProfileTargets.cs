using EdgeInfer.Core;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>
/// Turns <c>--models</c> into files to measure: a catalog name is taken from the model repository, built into it first
/// when missing (<see cref="ModelRepositoryCatalogExtensions.GetOrBuild"/>); a path to an <c>.onnx</c> file is measured
/// as it is (named after the file). With a pruning factor, each catalog model's pruned variant <c>METHOD-PF</c>
/// (the <c>prune</c> command's naming, e.g. <c>global-0.70</c>) is taken from the repository or pruned into it first.
/// </summary>
internal static class ProfileTargets
{
    public static IReadOnlyList<ProfileTarget> Resolve(IReadOnlyList<string> models, ModelRepository repository, double? pruningFactor, PruningMethod method, Action<string> log)
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

                targets.Add(new ProfileTarget(Path.GetFileNameWithoutExtension(item), ProfiledModel.FullVariant, Path.GetFullPath(item)));
                continue;
            }

            var full = EnsureFull(repository, item, log);
            targets.Add(new ProfileTarget(full.Name, ProfiledModel.FullVariant, full.ModelPath) { Trained = full.Metadata.Trained });
            if (pruningFactor is { } pf)
            {
                var pruned = EnsurePruned(repository, full, method, pf, log);
                targets.Add(new ProfileTarget(full.Name, pruned.Variant, pruned.ModelPath)
                {
                    PruningFactor = pf,
                    PruningMethod = ProfilePruning.Name(method),
                    Trained = pruned.Metadata.Trained,
                    PrunedFromPath = full.ModelPath,
                });
            }
        }

        return targets;
    }

    /// <summary>The full variant of a catalog model, built into the repository (untrained, default seed) when missing.</summary>
    public static ModelEntry EnsureFull(ModelRepository repository, string name, Action<string> log)
    {
        var catalog = ModelCatalog.Find(name);
        if (repository.TryGet(catalog.Name) is null)
        {
            log($"building {catalog.Name} into {repository.Root} (untrained, seed {ModelCatalog.DefaultSeed}) ...");
        }

        return repository.GetOrBuild(catalog.Name);
    }

    private static ModelEntry EnsurePruned(ModelRepository repository, ModelEntry full, PruningMethod method, double pruningFactor, Action<string> log)
    {
        var variant = PrunedVariants.Name(method, pruningFactor);
        if (repository.TryGet(full.Name, variant) is { } existing)
        {
            return existing;
        }

        log($"pruning {full.Name} ({PrunedVariants.MethodName(method)}, pf {pruningFactor}) into variant {variant} ...");
        var folder = Directory.CreateTempSubdirectory("edgeinfer-profile-prune-").FullName;
        try
        {
            var pruned = Path.Combine(folder, "model.onnx");
            ModelPruning.PruneFile(full.ModelPath, pruned, new PruneFileOptions(pruningFactor, method));
            return PrunedVariants.AddToRepository(repository, full, pruned, pruningFactor, method);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
