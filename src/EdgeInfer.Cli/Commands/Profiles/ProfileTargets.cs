using EdgeInfer.Compression.Building;
using EdgeInfer.Core;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>
/// Turns <c>--models</c> into files to measure: a catalog name is taken from the model repository, built into it first
/// when missing (<see cref="ModelRepositoryCatalogExtensions.GetOrBuild"/>); a path to an <c>.onnx</c> file is measured
/// as it is (named after the file). With a variant kind and amount (<c>--method</c>, <c>--pf</c>/<c>--target-macs</c>), each
/// catalog model's variant of that kind (named by <see cref="ModelVariant.Name"/>, e.g. <c>global-0.70</c>,
/// <c>channel-ls+int8-macs0.50</c>) is taken from the repository or built into it first by <see cref="VariantBuilder"/>.
/// </summary>
internal static class ProfileTargets
{
    /// <summary>The targets; <paramref name="variant"/> is the kind and amount to add for each catalog model (its model name is not used).</summary>
    public static IReadOnlyList<ProfileTarget> Resolve(
        IReadOnlyList<string> models, ModelRepository repository, ModelVariant? variant, VariantBuildOptions build, Action<string> log)
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

                if (variant is not null)
                {
                    throw new EdgeInferInputException(
                        $"--pf, --target-macs and --method int8 apply to catalog models only; '{item}' is a file (build it with "
                        + "'edgeinfer prune' or 'quantize' and profile the result).");
                }

                targets.Add(new ProfileTarget(Path.GetFileNameWithoutExtension(item), ProfiledModel.FullVariant, Path.GetFullPath(item)));
                continue;
            }

            var full = EnsureFull(repository, item, log);
            targets.Add(new ProfileTarget(full.Name, ProfiledModel.FullVariant, full.ModelPath) { Trained = full.Metadata.Trained });
            if (variant is not null)
            {
                var own = Of(variant, full.Name);
                var built = EnsureBuilt(repository, full, own, build, log);
                targets.Add(new ProfileTarget(full.Name, built.Variant, built.ModelPath)
                {
                    PruningFactor = own.Factor.Value,
                    PruningMethod = own.Kind,
                    Trained = built.Metadata.Trained,
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
    /// A file → file builder of <paramref name="variant"/>'s kind and amount from the full model (parse, prune, quantize,
    /// serialize with <see cref="VariantBuilder.BuildFile"/>), as the profiler times it under load.
    /// </summary>
    public static PruneFile Pruner(ModelVariant variant, VariantBuildOptions build) => (input, output, cancellationToken) =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        VariantBuilder.BuildFile(input, output, variant, build);
    };

    /// <summary><paramref name="variant"/>'s kind and amount for <paramref name="model"/>.</summary>
    private static ModelVariant Of(ModelVariant variant, string model) =>
        ModelVariant.TryParseName(model, variant.Name, out var own) ? own : throw new ArgumentException($"{variant} has no variant name.", nameof(variant));

    private static ModelEntry EnsureBuilt(ModelRepository repository, ModelEntry full, ModelVariant variant, VariantBuildOptions build, Action<string> log)
    {
        if (repository.TryGet(full.Name, variant.Name) is { } existing)
        {
            return existing;
        }

        log($"building {full.Name} variant {variant.Name} ...");
        return VariantBuilder.AddToRepository(repository, full, variant, build, new Progress<string>(line => log("  " + line))).Entry;
    }
}
