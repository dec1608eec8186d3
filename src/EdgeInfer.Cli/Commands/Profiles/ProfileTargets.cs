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
/// as it is (named after the file). With a pruning factor, each catalog model's pruned variant (named by
/// <see cref="ModelVariant.Name"/>, e.g. <c>global-0.70</c>) is taken from the repository or pruned into it first.
/// </summary>
internal static class ProfileTargets
{
    public static IReadOnlyList<ProfileTarget> Resolve(
        IReadOnlyList<string> models, ModelRepository repository, PruningFactor? pruningFactor, PruningMethod method, Action<string> log)
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
                    throw new EdgeInferInputException(
                        $"--pf applies to catalog models only; '{item}' is a file (prune it with 'edgeinfer prune' and profile the result).");
                }

                targets.Add(new ProfileTarget(Path.GetFileNameWithoutExtension(item), ProfiledModel.FullVariant, Path.GetFullPath(item)));
                continue;
            }

            var full = EnsureFull(repository, item, log);
            targets.Add(new ProfileTarget(full.Name, ProfiledModel.FullVariant, full.ModelPath) { Trained = full.Metadata.Trained });
            if (pruningFactor is { } pf)
            {
                var pruned = EnsurePruned(repository, full, ModelVariant.Pruned(full.Name, method, pf), log);
                targets.Add(new ProfileTarget(full.Name, pruned.Variant, pruned.ModelPath)
                {
                    PruningFactor = pf.Value,
                    PruningMethod = method.Name(),
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

    /// <summary>
    /// A file → file pruner of <paramref name="method"/> at <paramref name="pruningFactor"/> (parse, select, mask, serialize
    /// with <see cref="ModelPruning.PruneFile"/>), as the profiler times it under load.
    /// </summary>
    public static PruneFile Pruner(PruningMethod method, PruningFactor pruningFactor) => (input, output, cancellationToken) =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        ModelPruning.PruneFile(input, output, new PruneFileOptions(pruningFactor.Value, method));
    };

    private static ModelEntry EnsurePruned(ModelRepository repository, ModelEntry full, ModelVariant variant, Action<string> log)
    {
        if (repository.TryGet(full.Name, variant.Name) is { } existing)
        {
            return existing;
        }

        var method = variant.Method ?? throw new ArgumentException($"{variant} is the full model.", nameof(variant));
        log($"pruning {full.Name} ({method.Name()}, pf {variant.Factor}) into variant {variant.Name} ...");
        var folder = Directory.CreateTempSubdirectory("edgeinfer-profile-prune-").FullName;
        try
        {
            var pruned = Path.Combine(folder, "model.onnx");
            Pruner(method, variant.Factor)(full.ModelPath, pruned, CancellationToken.None);
            return PrunedVariants.AddToRepository(repository, full, pruned, variant);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
